import { useState } from "preact/hooks";
import { ApiError, type FollowUpItem } from "../api";
import { CHANNEL_NAMES, formatDate } from "../lib/format";
import { FOLLOW_UP_STATUSES, followUps, url } from "../models/app";
import { isFollowUpStatus, saved, saveFollowUp, STATUS_LABELS } from "../models/follow-ups";
import { placeFieldErrors } from "../models/forms";
import { Loaded, useLoader } from "./common";
import { Pager } from "../components/Pager";

/**
 * Low scores (CSAT or CSI of 1 or 2) and how each is being followed up. The follow-up happens
 * in the CRM, found by the interaction's reference: this page never shows customer contact details.
 */
export function FollowUpPage() {
  useLoader(followUps);
  const q = url.query.value;
  const page = Number(q.page ?? 0);
  return (
    <>
      <p class="lede">Every answer of 1 or 2 for satisfaction (CSAT) or feeling (CSI). Find the case in your CRM by its reference, contact the customer, and record what was done.</p>
      <Loaded loader={followUps}>
        {(d) => (
          <>
            <form class="filters" aria-label="Follow-up status" onSubmit={(e) => e.preventDefault()}>
              <div class="field">
                <label for="fu-status">Show</label>
                <select id="fu-status" value={q.status ?? ""} onChange={(e) => url.setParam("status", (e.target as HTMLSelectElement).value)}>
                  <option value="">All low scores ({FOLLOW_UP_STATUSES.reduce((n, s) => n + d.counts[s], 0)})</option>
                  {FOLLOW_UP_STATUSES.map((s) => (
                    <option value={s}>
                      {STATUS_LABELS[s]} ({d.counts[s]})
                    </option>
                  ))}
                </select>
              </div>
            </form>
            {d.items.length === 0 ? <p>No low scores here.</p> : null}
            <ol class="comments">
              {d.items.map((item) => (
                <FollowUpCard key={item.id} item={item} />
              ))}
            </ol>
            <Pager label="Pages of low scores" page={page} hasMore={d.hasMore} newer="Newer" older="Older" />
          </>
        )}
      </Loaded>
    </>
  );
}

function FollowUpCard({ item }: { item: FollowUpItem }) {
  const [status, setStatus] = useState<string>(item.status);
  const [note, setNote] = useState(item.note ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const id = `fu-${item.id}`;
  async function submit(e: Event) {
    e.preventDefault();
    if (!isFollowUpStatus(status)) return;
    try {
      setErrors({});
      setFormError(null);
      await saveFollowUp(item.id, status, note);
    } catch (err) {
      const placed = err instanceof ApiError ? placeFieldErrors(err.fields, ["status", "note"]) : { byField: {}, rest: [] };
      setErrors(placed.byField);
      setFormError(err instanceof Error ? err.message : String(err));
    }
  }
  return (
    <li class={`comment follow-up status-${item.status}`} aria-labelledby={`${id}-h`}>
      <h2 class="meta" id={`${id}-h`}>
        <time dateTime={item.occurredAt}>{formatDate(item.occurredAt)}</time> · {item.team}
        {item.staff ? ` · ${item.staff}` : ""}
        {item.service ? ` · ${item.service}` : ""} · {CHANNEL_NAMES[item.channel] ?? item.channel}
      </h2>
      <p class="scores">
        <span class={`badge ${item.status === "open" ? "red" : item.status === "contacted" ? "amber" : "green"}`}>{STATUS_LABELS[item.status]}</span>{" "}
        {item.csat !== null ? `CSAT ${item.csat}/5` : "No CSAT"}
        {item.csi !== null ? ` · CSI ${item.csi}/5` : ""}
        {item.ces !== null ? ` · CES ${item.ces}/7` : ""}
        {item.fcr ? ` · Resolved: ${item.fcr}` : ""}
      </p>
      {item.comment ? <blockquote>{item.comment}</blockquote> : <p class="meta">No comment.</p>}
      <p class="meta">
        CRM reference: {item.externalRef ? <code>{item.externalRef}</code> : "none given"}
        {item.updatedBy && item.updatedAt ? ` · last updated by ${item.updatedBy} on ${formatDate(item.updatedAt)}` : ""}
      </p>
      <form class="follow-up-form" onSubmit={submit} aria-label={`Follow-up of the response from ${formatDate(item.occurredAt)}`}>
        {formError ? (
          <p class="error" role="alert">
            {formError}
          </p>
        ) : null}
        <div class="field">
          <label for={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)} aria-invalid={errors.status ? "true" : undefined} aria-describedby={errors.status ? `${id}-status-error` : undefined}>
            {FOLLOW_UP_STATUSES.map((s) => (
              <option value={s}>{STATUS_LABELS[s]}</option>
            ))}
          </select>
          {errors.status ? <span class="field-error" id={`${id}-status-error`}>{errors.status}</span> : null}
        </div>
        <div class="field grow">
          <label for={`${id}-note`}>Note</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
            aria-invalid={errors.note ? "true" : undefined}
            aria-describedby={`${id}-note-hint${errors.note ? ` ${id}-note-error` : ""}`}
          />
          <span class="hint" id={`${id}-note-hint`}>What was done. Contact details belong in the CRM; any typed here are masked.</span>
          {errors.note ? <span class="field-error" id={`${id}-note-error`}>{errors.note}</span> : null}
        </div>
        <button type="submit">Save<span class="sr-only"> the follow-up</span></button>
        <span class="small" role="status">{saved.value[item.id] ?? ""}</span>
      </form>
    </li>
  );
}
