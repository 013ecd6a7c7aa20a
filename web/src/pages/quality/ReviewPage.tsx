import { useModel } from "@preact/signals";
import { EVENT_LABELS, STATUS_LABELS } from "../../lib/case-words";
import { CHANNEL_NAMES, formatDate, formatDateTime } from "../../lib/format";
import { url } from "../../models/app";
import { KIND_LABELS, monthName, ReviewModel, SCORE_LABELS, SCORES, type QualityItem } from "../../models/quality";
import { pathFor, sharedOnly } from "../../models/url";
import { Loaded } from "../common";
import { AppLink } from "../follow-up/parts";
import { eventDetailText, reasonText } from "../follow-up/wording";

type Model = InstanceType<typeof ReviewModel>;

const FCR_TEXT = { yes: "Yes", partly: "Partly", no: "No" } as const;
const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** The month's list as it was filtered, at the item's month. */
function monthList(month: string) {
  const q = url.query.value;
  const own = Object.fromEntries(Object.entries(q).filter(([k]) => ["team", "kind", "status", "page"].includes(k)));
  const query = { ...sharedOnly(q), ...own, month };
  return { href: pathFor("quality", null, query), follow: () => url.navigate("quality", { ...own, month }) };
}

/** One sampled contact or closed case: what happened, and the reviewer's scores against each standard. */
export function ReviewPage({ id }: { id: string }) {
  const m = useModel(() => new ReviewModel(id));
  const month = m.detail.data.value?.item.month ?? url.query.value.month ?? "";
  const back = monthList(month);
  return (
    <div class="quality review-page">
      <p class="back no-print">
        <AppLink href={back.href} onFollow={back.follow}>
          <span aria-hidden="true">← </span>
          {month ? `The sample of ${monthName(month)}` : "The quality sample"}
        </AppLink>
      </p>
      <Loaded loader={m.detail}>
        {(d) => (
          <div class="case-grid">
            <div class="case-main">
              <Contact d={d} />
              <Answer d={d} />
              {d.followUp ? <FollowUp d={d} /> : null}
            </div>
            <div class="case-side">
              <ReviewForm d={d} m={m} />
            </div>
          </div>
        )}
      </Loaded>
    </div>
  );
}

function Facts({ rows }: { rows: [string, preact.ComponentChildren][] }) {
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <div>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Contact({ d }: { d: QualityItem }) {
  const i = d.item;
  return (
    <section class="panel" aria-labelledby="qa-contact-h">
      <h2 id="qa-contact-h">{i.kind === "case" ? "The contact behind the case" : "The contact"}</h2>
      <p class="meta">
        {KIND_LABELS[i.kind]} sampled in {monthName(i.month)}
      </p>
      <Facts
        rows={[
          ["Date", <time dateTime={i.occurredAt}>{formatDateTime(i.occurredAt)}</time>],
          ["Channel", CHANNEL_NAMES[i.channel] ?? i.channel],
          ["Team", i.team.name],
          ["Staff", i.staff ?? "not recorded"],
          ["Service", i.service ?? "not recorded"],
          ["CRM reference", i.externalRef ? <code>{i.externalRef}</code> : "none given"],
        ]}
      />
    </section>
  );
}

function Answer({ d }: { d: QualityItem }) {
  const r = d.response;
  return (
    <section class="panel" aria-labelledby="qa-answer-h">
      <h2 id="qa-answer-h">The customer's answer</h2>
      {r ? (
        <>
          <ul class="score-list" aria-label="Scores">
            <li>
              <span class="label">CSAT</span> {r.csat === null ? "not answered" : `${r.csat} out of 5`}
            </li>
            <li>
              <span class="label">CES</span> {r.ces === null ? "not answered" : `${r.ces} out of 7`}
            </li>
            <li>
              <span class="label">CSI</span> {r.csi === null ? "not answered" : `${r.csi} out of 5`}
            </li>
            <li>
              <span class="label">Resolved</span> {r.fcr === null ? "not answered" : FCR_TEXT[r.fcr]}
            </li>
          </ul>
          {r.comment ? (
            <blockquote class="qa-comment" lang={r.language} dir="auto">
              {r.comment}
            </blockquote>
          ) : (
            <p class="meta">No comment.</p>
          )}
        </>
      ) : (
        <p class="meta">The customer did not answer the survey.</p>
      )}
    </section>
  );
}

function FollowUp({ d }: { d: QualityItem }) {
  const c = d.followUp!;
  const scores = { csat: d.response?.csat ?? null, csi: d.response?.csi ?? null };
  return (
    <section class="panel" aria-labelledby="qa-case-h">
      <h2 id="qa-case-h">Follow-up case {c.id}</h2>
      <Facts
        rows={[
          ["Status", STATUS_LABELS[c.status]],
          ["Why it opened", c.reasons.length > 0 ? c.reasons.map((r) => reasonText(r, scores)).join("; ") : "no rule applies any longer"],
          ["Opened", <time dateTime={c.openedAt}>{formatDate(c.openedAt)}</time>],
          ["Closed", c.closedAt ? <time dateTime={c.closedAt}>{formatDate(c.closedAt)}</time> : "not closed"],
          ["Owner", c.owner ?? "unassigned"],
        ]}
      />
      <h3 class="subhead">History</h3>
      <ol class="history" aria-label="Case history, oldest first">
        {d.history.map((e) => {
          const detail = eventDetailText(e.kind, e.detail, (id) => `user ${id}`);
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

function ReviewForm({ d, m }: { d: QualityItem; m: Model }) {
  const active = m.active.value;
  const retiredScored = d.standards.filter((s) => s.retired);
  const scoreOf = (standardId: number) => d.scores.find((s) => s.standardId === standardId)?.score;
  const n = m.notice.value;
  async function submit(e: Event) {
    e.preventDefault();
    if (await m.save()) focusLater("qa-notice");
    else if (m.missing.value.length > 0) focusLater(`qa-std-${m.missing.value[0]}-${SCORES[0]}`);
    else focusLater("qa-notice");
  }
  return (
    <form class="panel qa-review" aria-labelledby="qa-review-h" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="qa-review-h">Review</h2>
      <p class="meta" data-testid="qa-reviewed">
        {d.review ? (
          <>
            Reviewed by {d.review.reviewer ?? "a former user"} on <time dateTime={d.review.reviewedAt}>{formatDateTime(d.review.reviewedAt)}</time>. Saving
            again replaces these scores.
          </>
        ) : (
          "Not reviewed yet."
        )}
      </p>
      {active.length === 0 ? <p class="error">There are no standards to score against: an administrator adds them on the Quality page.</p> : null}
      {active.map((s) => {
        const missing = m.missing.value.includes(s.id);
        return (
          <fieldset class={`qa-standard${missing ? " invalid" : ""}`} aria-describedby={missing ? `qa-std-${s.id}-error` : undefined}>
            <legend>{s.text}</legend>
            <div class="qa-choices">
              {SCORES.map((score) => (
                <label class={`qa-choice qa-${score}`} for={`qa-std-${s.id}-${score}`}>
                  <input
                    type="radio"
                    id={`qa-std-${s.id}-${score}`}
                    name={`qa-std-${s.id}`}
                    value={score}
                    checked={m.choices.value[s.id] === score}
                    onChange={() => m.choose(s.id, score)}
                  />
                  <span>{SCORE_LABELS[score]}</span>
                </label>
              ))}
            </div>
            {missing ? (
              <span class="field-error" id={`qa-std-${s.id}-error`}>
                Choose a score.
              </span>
            ) : null}
          </fieldset>
        );
      })}
      {retiredScored.length > 0 ? (
        <div class="qa-retired">
          <p class="small">Scored before these standards were retired (saving again leaves them out):</p>
          <ul>
            {retiredScored.map((s) => (
              <li>
                {s.text}: {SCORE_LABELS[scoreOf(s.id) ?? "not_applicable"]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="field wide">
        <label for="qa-comment">Comment (optional)</label>
        <textarea
          id="qa-comment"
          rows={4}
          maxLength={2000}
          value={m.comment.value}
          aria-describedby="qa-comment-hint"
          onInput={(e) => m.setComment((e.target as HTMLTextAreaElement).value)}
        />
        <span class="hint" id="qa-comment-hint">
          What went well, what to work on. Email addresses, phone numbers, postcodes and other personal data typed here are masked when saved.
        </span>
      </div>
      <div class="form-actions">
        <button type="submit" disabled={m.busy.value || active.length === 0}>
          Save the review
        </button>
      </div>
      <div id="qa-notice" class="case-notice" tabIndex={-1} aria-live={n?.kind === "error" ? "assertive" : "polite"}>
        {n ? <p class={n.kind === "error" ? "error" : "success"}>{n.text}</p> : null}
        {n?.kind === "ok" && m.next.value ? (
          <p>
            <AppLink href={url.itemHref(String(m.next.value.id))} onFollow={() => url.openItem(String(m.next.value!.id))}>
              Next to review: item {m.next.value.id}
              {m.next.value.staff ? ` (${m.next.value.staff})` : ""}
              <span aria-hidden="true"> →</span>
            </AppLink>
          </p>
        ) : null}
      </div>
    </form>
  );
}
