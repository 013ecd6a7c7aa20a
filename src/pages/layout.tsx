import type { Child } from "hono/jsx";
import { LANGUAGES, messages, textDirection, type Language } from "../i18n/index";
import { PAGE_CSS_PATH } from "./styles";

export type LayoutProps = {
  lang: Language;
  org: string;
  title: string;
  /** Builds the link that shows this same page in another language. */
  langHref: (lang: Language) => string;
  children?: Child;
};

/** The frame of every customer-facing page: language and direction, the masthead, the switcher. */
export function Layout({ lang, org, title, langHref, children }: LayoutProps) {
  const m = messages(lang);
  return (
    <html lang={lang} dir={textDirection(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} – ${org}`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={PAGE_CSS_PATH} />
      </head>
      <body>
        <header class="masthead">
          <div class="wrap">
            <span class="org">{org}</span>
            <nav class="langs" aria-label={m.page.languageLabel}>
              <ul>
                {LANGUAGES.map((l) => (
                  <li>
                    <a href={langHref(l)} lang={l} hreflang={l} dir={textDirection(l)} aria-current={l === lang ? "true" : undefined}>
                      {messages(l).languageName}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap">
          {children}
        </main>
      </body>
    </html>
  );
}

/** A page that only says something: a bad or expired link, an expired form, too many requests. */
export function MessagePage(props: Omit<LayoutProps, "children"> & { body: string; action?: { href: string; text: string } }) {
  return (
    <Layout {...props}>
      <h1>{props.title}</h1>
      <p class="lead">{props.body}</p>
      {props.action ? (
        <p>
          <a class="button" href={props.action.href}>
            {props.action.text}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
