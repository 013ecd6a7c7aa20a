import { useModel } from "@preact/signals";
import { CHANNEL_NAMES, formatDate, formatDateTime, formatDay, workingDays } from "../../lib/format";
import { RULE_LANGUAGES } from "../../models/forms";
import { url } from "../../models/app";
import { EVENT_LABELS, STATUS_LABELS } from "../../lib/case-words";
import { CaseModel, type CaseDetail } from "../../models/follow-ups";
import { eventDetailText, highlight } from "./wording";
import { Loaded } from "../common";
import { CaseActions, NoteForm } from "./CaseActions";
import { AppLink, Due, Priority, Reasons } from "./parts";

type Model = InstanceType<typeof CaseModel>;

const FCR_TEXT = { yes: "Yes", partly: "Partly", no: "No" } as const;
const languageName = (code: string) => RULE_LANGUAGES.find((l) => l.code === code)?.name ?? code;

/** One follow-up case: the response, why it was opened, the customer's contact request, what to do next, and its history. */
export function CasePage({ id }: { id: string }) {
  const m = useModel(() => new CaseModel(id));
  return (
    <div class="follow-up case-page">
      <p class="back no-print">
        <AppLink href={url.listHref()} onFollow={url.closeItem}>
          <span aria-hidden="true">← </span>All follow-up cases
        </AppLink>
      </p>
      <Loaded loader={m.detail}>{(d) => <Case d={d} m={m} />}</Loaded>
    </div>
  );
}

function Case({ d, m }: { d: CaseDetail; m: Model }) {
  const c = d.case;
  const words = c.reasons.flatMap((r) => (r.rule === "safeguarding" ? r.words : []));
  return (
    <>
      <section class={`panel case-summary${c.priority === "urgent" ? " urgent" : ""}`} aria-label="Status">
        <p class="case-state">
          <Priority c={c} /> <strong>{STATUS_LABELS[c.status]}</strong>
          <span class="case-due">
            <span class="sep" aria-hidden="true">
              ·{" "}
            </span>
            <Due c={c} />
          </span>
        </p>
        <p class="meta">
          Opened <time dateTime={c.openedAt}>{formatDate(c.openedAt)}</time> ({workingDays(c.ageWorkingDays)}) · Acknowledge by{" "}
          {formatDay(c.acknowledgeBy, true)} · Respond by {formatDay(c.respondBy, true)} · Owner: {c.owner ? c.owner.email : "unassigned"}
        </p>
        <Steps c={c} />
      </section>
      <Notice m={m} />
      <div class="case-grid">
        <div class="case-main">
          <section class="panel" aria-labelledby="case-why-h">
            <h2 id="case-why-h">Why this case was opened</h2>
            <Reasons c={c} />
            {words.length > 0 ? <p class="small">The words that matched are marked below.</p> : null}
          </section>
          <Response d={d} words={words} />
          <Contact d={d} words={words} />
        </div>
        <div class="case-side">
          <CaseActions d={d} m={m} />
          <History d={d} m={m} />
        </div>
      </div>
    </>
  );
}

/** Who took each step and when, as far as the case has come. */
function Steps({ c }: { c: CaseDetail["case"] }) {
  const done = [
    { label: "Acknowledged", at: c.acknowledgedAt, by: c.acknowledgedBy },
    { label: "Responded", at: c.respondedAt, by: c.respondedBy },
    { label: "Closed", at: c.closedAt, by: c.closedBy },
    { label: "Judged not a safeguarding concern", at: c.clearedAt, by: null },
  ].filter((s) => s.at !== null);
  if (done.length === 0) return null;
  return (
    <ul class="steps-done meta">
      {done.map((s) => (
        <li>
          {s.label} <time dateTime={s.at!}>{formatDateTime(s.at!)}</time>
          {s.by ? ` by ${s.by}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** The outcome of the last change: polite for success, assertive for a refusal. Focus comes here when the button pressed has gone. */
function Notice({ m }: { m: Model }) {
  const n = m.notice.value;
  return (
    <div id="case-notice" class="case-notice" tabIndex={-1} aria-live={n?.kind === "error" ? "assertive" : "polite"}>
      {n ? <p class={n.kind === "error" ? "error" : "success"}>{n.text}</p> : null}
    </div>
  );
}

/** Text with the matched safeguarding words marked. */
function Marked({ text, words }: { text: string; words: string[] }) {
  return <>{highlight(text, words).map((p) => (p.match ? <mark>{p.text}</mark> : p.text))}</>;
}

function Response({ d, words }: { d: CaseDetail; words: string[] }) {
  const c = d.case;
  const r = d.response;
  const rows: [string, preact.ComponentChildren][] = [
    ["Date", <time dateTime={r.occurredAt}>{formatDateTime(r.occurredAt)}</time>],
    ["Team", c.team.name],
    ["Staff", c.staff ?? "not recorded"],
    ["Service", c.service ?? "not recorded"],
    ["Channel", CHANNEL_NAMES[c.channel] ?? c.channel],
    ["Language", languageName(r.language)],
    ["Themes", r.themes.length > 0 ? r.themes.join(", ") : "none"],
    ["CRM reference", c.externalRef ? <code>{c.externalRef}</code> : "none given"],
  ];
  return (
    <section class="panel" aria-labelledby="case-response-h">
      <h2 id="case-response-h">The response</h2>
      <ul class="score-list" aria-label="Scores">
        <li>
          <span class="label">CSAT</span> {c.csat === null ? "not answered" : `${c.csat} out of 5`}
        </li>
        <li>
          <span class="label">CES</span> {c.ces === null ? "not answered" : `${c.ces} out of 7`}
        </li>
        <li>
          <span class="label">CSI</span> {c.csi === null ? "not answered" : `${c.csi} out of 5`}
        </li>
        <li>
          <span class="label">Resolved</span> {c.fcr === null ? "not answered" : FCR_TEXT[c.fcr]}
        </li>
      </ul>
      {c.comment ? (
        <blockquote class="case-comment" lang={r.language} dir="auto">
          <Marked text={c.comment} words={words} />
        </blockquote>
      ) : (
        <p class="meta">No comment.</p>
      )}
      <dl class="facts">
        {rows.map(([k, v]) => (
          <div>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Contact({ d, words }: { d: CaseDetail; words: string[] }) {
  const k = d.contact;
  return (
    <section class="panel" aria-labelledby="case-contact-h">
      <h2 id="case-contact-h">Contact request</h2>
      {k ? (
        <>
          <dl class="facts">
            {k.email ? (
              <div>
                <dt>Email</dt>
                <dd>
                  <a href={`mailto:${k.email}`}>{k.email}</a>
                </dd>
              </div>
            ) : null}
            {k.phone ? (
              <div>
                <dt>Phone</dt>
                <dd>
                  <a href={`tel:${k.phone.replace(/\s/g, "")}`}>{k.phone}</a>
                </dd>
              </div>
            ) : null}
          </dl>
          {k.message ? (
            <>
              <p class="label">What they would like to talk about</p>
              <blockquote dir="auto">
                <Marked text={k.message} words={words} />
              </blockquote>
            </>
          ) : null}
          <p class="small">
            They agreed to: <q>{k.consentText}</q>
          </p>
          <p class="small">The details are deleted when the case closes.</p>
        </>
      ) : d.contactHidden ? (
        <p>The customer left contact details; only the case's owner, directors and administrators can see them.</p>
      ) : (
        <p class="meta">The customer did not ask to be contacted.</p>
      )}
    </section>
  );
}

function History({ d, m }: { d: CaseDetail; m: Model }) {
  // Users who may own the case; anyone else (since disabled, moved team) by number.
  const who = (id: number) => d.owners.find((o) => o.id === id)?.email ?? `user ${id}`;
  return (
    <section class="panel" aria-labelledby="case-history-h">
      <h2 id="case-history-h">Notes and history</h2>
      {d.can.act ? <NoteForm m={m} /> : null}
      <ol class="history" aria-label="History, newest first">
        {[...d.history].reverse().map((e) => {
          const detail = eventDetailText(e.kind, e.detail, who);
          return (
            <li key={e.id} class={`event event-${e.kind}`}>
              <p class="event-head">
                <strong>{EVENT_LABELS[e.kind]}</strong>
                <span class="meta">
                  {" "}
                  by {e.user ?? "the platform"}, <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                </span>
              </p>
              {e.note ? <p class="event-note">{e.note}</p> : null}
              {detail ? <p class="small">{detail}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
