import { useModel } from "@preact/signals";
import { STATUS_LABELS } from "../lib/case-words";
import { CHANNEL_NAMES, formatDate } from "../lib/format";
import { options, url } from "../models/app";
import { CommentsModel } from "../models/comments";
import { pathFor } from "../models/url";
import { Loaded } from "./common";
import { Pager } from "../components/Pager";

function sentimentWord(s: number | null): string {
  if (s === null) return "";
  return s > 0.05 ? "positive" : s < -0.05 ? "negative" : "neutral";
}

export function CommentsPage() {
  const m = useModel(CommentsModel);
  const q = url.query.value;
  const page = Number(q.page ?? 0);
  return (
    <>
      <form
        class="filters"
        role="search"
        aria-label="Search comments"
        onSubmit={(e) => {
          e.preventDefault();
          const input = (e.currentTarget as HTMLFormElement).elements.namedItem("q") as HTMLInputElement;
          url.setParam("q", input.value.trim());
        }}
      >
        <div class="field">
          <label for="c-theme">Theme</label>
          <select id="c-theme" value={q.theme ?? ""} onChange={(e) => url.setParam("theme", (e.target as HTMLSelectElement).value)}>
            <option value="">All themes</option>
            {(options.value?.themes ?? []).map((t) => (
              <option value={t.code}>{t.name}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="c-score">CSAT score</label>
          <select id="c-score" value={q.score ?? ""} onChange={(e) => url.setParam("score", (e.target as HTMLSelectElement).value)}>
            <option value="">Any score</option>
            {[1, 2, 3, 4, 5].map((s) => (
              <option value={String(s)}>{s}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="c-sentiment">Sentiment</label>
          <select id="c-sentiment" value={q.sentiment ?? ""} onChange={(e) => url.setParam("sentiment", (e.target as HTMLSelectElement).value)}>
            <option value="">Any</option>
            <option value="positive">Positive</option>
            <option value="neutral">Neutral</option>
            <option value="negative">Negative</option>
          </select>
        </div>
        <div class="field grow">
          <label for="c-q">Search the comments</label>
          <input id="c-q" name="q" type="search" defaultValue={q.q ?? ""} />
        </div>
        <button type="submit">Search</button>
      </form>
      <p>
        <a class="button secondary" href={m.exportHref.value} download>
          Download the filtered responses (CSV)
        </a>
      </p>
      <Loaded loader={m.comments}>
        {(d) => (
          <>
            {d.items.length === 0 ? <p>No comments match.</p> : null}
            <ol class="comments">
              {d.items.map((c) => (
                <li key={c.id} class="comment">
                  <p class="meta">
                    <time dateTime={c.occurredAt}>{formatDate(c.occurredAt)}</time> · {c.team}
                    {c.staff ? ` · ${c.staff}` : ""}
                    {c.service ? ` · ${c.service}` : ""} · {CHANNEL_NAMES[c.channel] ?? c.channel}
                  </p>
                  <blockquote>{c.comment}</blockquote>
                  <p class="meta">
                    {c.csat !== null ? `CSAT ${c.csat}/5` : "No CSAT"}
                    {c.ces !== null ? ` · CES ${c.ces}/7` : ""}
                    {c.fcr ? ` · Resolved: ${c.fcr}` : ""}
                    {c.sentiment !== null ? ` · Sentiment: ${sentimentWord(c.sentiment)}` : ""}
                    {c.followUp && c.caseId !== null ? (
                      <>
                        {" · "}
                        <a href={pathFor("follow-up", String(c.caseId), {})}>
                          Follow-up case {c.caseId}: {STATUS_LABELS[c.followUp]}
                        </a>
                      </>
                    ) : null}
                  </p>
                  {c.themes.length > 0 ? (
                    <ul class="tags" aria-label="Themes">
                      {c.themes.map((t) => (
                        <li class="tag" title={`Matched: ${t.matched.join(", ")}`}>
                          {t.name}
                          <span class="matched"> (matched: {t.matched.join(", ")})</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
            <Pager label="Pages of comments" page={page} hasMore={d.hasMore} newer="Newer comments" older="Older comments" />
          </>
        )}
      </Loaded>
    </>
  );
}
