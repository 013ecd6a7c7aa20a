import { Layout } from "../../pages/layout";
import { messages, type Language } from "../../i18n/index";

export type ThanksPageProps = {
  lang: Language;
  org: string;
  langHref: (lang: Language) => string;
  /** Where to change the answers, and until when (formatted); absent once the window has passed. */
  change?: { href: string; until: string } | undefined;
};

export function ThanksPage(p: ThanksPageProps) {
  const m = messages(p.lang);
  return (
    <Layout lang={p.lang} org={p.org} title={m.thanks.title} langHref={p.langHref}>
      <div class="panel">
        <h1>{m.thanks.title}</h1>
        <p>{m.thanks.body}</p>
      </div>
      {p.change ? (
        <>
          <p>{m.thanks.changeUntil(p.change.until)}</p>
          <p>
            <a href={p.change.href}>{m.thanks.changeLink}</a>
          </p>
        </>
      ) : (
        <p>{m.edit.closed}</p>
      )}
    </Layout>
  );
}
