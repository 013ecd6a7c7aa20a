import type { Language } from "../../i18n/index";
import { messages } from "../../i18n/index";
import { CSRF_FIELD } from "../../middleware/csrf";
import { Layout } from "../../pages/layout";
import { SCORES, type Score } from "../../mail/faces";
import { mailMessages } from "../../mail/messages";

/*
 * Pages of the signature strip and the unsubscribe link. Server-rendered, no JavaScript: a
 * GET only ever shows a page; the buttons POST.
 */

const faceRow = "display:flex;flex-wrap:wrap;gap:.75rem;list-style:none;padding:0;margin:0 0 1.5rem";
const faceLink =
  "display:flex;flex-direction:column;align-items:center;gap:.35rem;width:6.5rem;height:100%;padding:.5rem;text-align:center;text-decoration:none;color:#0b0c0c;border:2px solid #b1b4b6";
const chosenLink = `${faceLink};border-color:#0b0c0c;box-shadow:inset 0 0 0 2px #0b0c0c;font-weight:700`;
/** Unicode isolates keep names written left to right whole inside right-to-left sentences. */
const isolate = (s: string) => `\u2068${s}\u2069`;

type FacesProps = { lang: Language; hrefOf: (s: Score) => string; chosen?: Score };

function Faces({ lang, hrefOf, chosen }: FacesProps) {
  const labels = messages(lang).questions.csat.labels;
  return (
    <ul style={faceRow}>
      {SCORES.map((s) => (
        <li style="display:flex">
          <a href={hrefOf(s)} style={s === chosen ? chosenLink : faceLink} aria-current={s === chosen ? "true" : undefined}>
            <img src={`/faces/${s}.png`} width="40" height="40" alt="" />
            <span>{labels[s]}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export type Person = { code: string; name: string; team: string; department: string };
const who = (p: Person) => `${p.name}, ${p.team}, ${p.department}`;

export function ChoosePage(props: { lang: Language; org: string; person: Person }) {
  const m = mailMessages(props.lang);
  const q = messages(props.lang).questions.csat;
  return (
    <Layout lang={props.lang} org={props.org} title={m.chooseTitle(props.person.name)} langHref={(l) => `?lang=${l}`}>
      <h1>{m.chooseTitle(isolate(props.person.name))}</h1>
      <p class="lead">{q.text}</p>
      <Faces lang={props.lang} hrefOf={(s) => `/r/${encodeURIComponent(props.person.code)}/${s}?lang=${props.lang}`} />
      <p>{m.confirmNote}</p>
    </Layout>
  );
}

export function ConfirmPage(props: { lang: Language; org: string; person: Person; score: Score; csrf: string; browserId: string }) {
  const m = mailMessages(props.lang);
  const q = messages(props.lang).questions.csat;
  const label = q.labels[props.score];
  const base = `/r/${encodeURIComponent(props.person.code)}`;
  return (
    <Layout lang={props.lang} org={props.org} title={m.confirmTitle} langHref={(l) => `?lang=${l}`}>
      <h1>{m.confirmTitle}</h1>
      <p class="lead" style="display:flex;align-items:center;gap:1rem">
        <img src={`/faces/${props.score}.png`} width="40" height="40" alt="" />
        <span>{m.confirmBody(isolate(label), isolate(who(props.person)))}</span>
      </p>
      <form method="post" action={`${base}/${props.score}?lang=${props.lang}`}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <input type="hidden" name="browser" value={props.browserId} />
        <button type="submit" class="button">
          {m.confirmButton}
        </button>
      </form>
      <p style="margin-top:1.5rem">{m.confirmNote}</p>
      <h2 style="font-size:1.2rem;margin-top:2rem">{q.text}</h2>
      <Faces lang={props.lang} hrefOf={(s) => `${base}/${s}?lang=${props.lang}`} chosen={props.score} />
    </Layout>
  );
}

export function UnsubscribePage(props: { lang: Language; org: string; done: boolean }) {
  const m = mailMessages(props.lang);
  if (props.done) {
    return (
      <Layout lang={props.lang} org={props.org} title={m.unsubscribedTitle} langHref={(l) => `?lang=${l}`}>
        <h1>{m.unsubscribedTitle}</h1>
        <p class="lead">{m.unsubscribedBody(props.org)}</p>
      </Layout>
    );
  }
  return (
    <Layout lang={props.lang} org={props.org} title={m.unsubscribeTitle} langHref={(l) => `?lang=${l}`}>
      <h1>{m.unsubscribeTitle}</h1>
      <p class="lead">{m.unsubscribeBody(props.org)}</p>
      <form method="post">
        <button type="submit" class="button">
          {m.unsubscribeButton}
        </button>
      </form>
    </Layout>
  );
}
