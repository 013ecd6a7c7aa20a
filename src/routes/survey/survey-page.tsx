import { Layout } from "../../pages/layout";
import { formatNumber, messages, type Language } from "../../i18n/index";
import { CSRF_FIELD } from "../../middleware/csrf";
import { COMMENT_MAX, type FormValues, type SurveyField } from "./form";

/** The faces of the CSAT question, from very dissatisfied to very satisfied. */
export const FACES = { 1: "😞", 2: "🙁", 3: "😐", 4: "🙂", 5: "😄" } as const;

export type SurveyPageProps = {
  lang: Language;
  org: string;
  /** The form posts back here. */
  action: string;
  langHref: (lang: Language) => string;
  csrf: string;
  values: FormValues;
  errors: readonly SurveyField[];
  /** The form was sent empty. */
  nothing: boolean;
  /** A face chosen from an email (?csat=N), awaiting confirmation. */
  chosenCsat?: number | undefined;
  /** Set when the customer is changing saved answers: the formatted last day to change them. */
  editUntil?: string | undefined;
};

type Option = { value: string; label: string; badge: string; face?: boolean };

function Question(props: {
  name: SurveyField;
  legend: string;
  optional: string;
  options: Option[];
  columns: 3 | 5 | 7;
  selected: string | undefined;
  error: string | undefined;
}) {
  const errorId = `${props.name}-error`;
  return (
    <fieldset
      id={`${props.name}-group`}
      class={props.error ? "group-error" : undefined}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend>
        {props.legend}{" "}
        <span class="optional">{props.optional}</span>
      </legend>
      {props.error ? (
        <p id={errorId} class="error-message">
          {props.error}
        </p>
      ) : null}
      <div class={`scale scale-${props.columns}`}>
        {props.options.map((o, i) => (
          <label class="option" for={`${props.name}-${i + 1}`}>
            <input type="radio" id={`${props.name}-${i + 1}`} name={props.name} value={o.value} checked={props.selected === o.value} />
            {o.face ? (
              <span class="face" aria-hidden="true">
                {o.badge}
              </span>
            ) : (
              <span class="num" aria-hidden="true">
                {o.badge}
              </span>
            )}
            <span class="text">{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function scaleOptions(labels: Record<number, string>, faces?: Record<number, string>): Option[] {
  return Object.entries(labels).map(([n, label]) => ({ value: n, label, badge: faces?.[Number(n)] ?? n, face: faces !== undefined }));
}

/** The four questions and the comment box on one page, one submit; no script needed. */
export function SurveyPage(p: SurveyPageProps) {
  const m = messages(p.lang);
  const q = m.questions;
  const has = (f: SurveyField) => p.errors.includes(f);
  const max = formatNumber(p.lang, COMMENT_MAX);
  const fieldError = (f: SurveyField): string | undefined => {
    if (!has(f)) return undefined;
    return f === "comment" ? m.errors.commentTooLong(max) : m.errors[f];
  };
  const summary: { href: string; text: string }[] = [
    ...(p.nothing ? [{ href: "#csat-1", text: m.errors.nothingAnswered }] : []),
    ...p.errors.map((f) => ({ href: f === "comment" ? "#comment" : `#${f}-1`, text: fieldError(f) ?? "" })),
  ];
  const title = p.editUntil ? m.edit.title : m.page.title;
  const chosenLabel = p.chosenCsat ? q.csat.labels[p.chosenCsat as 1 | 2 | 3 | 4 | 5] : undefined;
  const commentError = fieldError("comment");
  return (
    <Layout lang={p.lang} org={p.org} title={summary.length ? `${m.errors.titlePrefix}${title}` : title} langHref={p.langHref}>
      {summary.length ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title">{m.errors.summaryTitle}</h2>
          <ul>
            {summary.map((s) => (
              <li>
                <a href={s.href}>{s.text}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h1>{title}</h1>
      <p class="lead">{p.editUntil ? m.edit.intro(p.editUntil) : m.page.intro}</p>
      {chosenLabel && !summary.length ? <p class="notice">{m.page.chosen(chosenLabel)}</p> : null}
      <form method="post" action={p.action} novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <Question
          name="csat"
          legend={q.csat.text}
          optional={m.page.optional}
          options={scaleOptions(q.csat.labels, FACES)}
          columns={5}
          selected={p.values.csat}
          error={fieldError("csat")}
        />
        <Question
          name="ces"
          legend={q.ces.text(p.org)}
          optional={m.page.optional}
          options={scaleOptions(q.ces.labels)}
          columns={7}
          selected={p.values.ces}
          error={fieldError("ces")}
        />
        <Question
          name="csi"
          legend={q.csi.text}
          optional={m.page.optional}
          options={scaleOptions(q.csi.labels)}
          columns={5}
          selected={p.values.csi}
          error={fieldError("csi")}
        />
        <Question
          name="fcr"
          legend={q.fcr.text}
          optional={m.page.optional}
          options={(["yes", "partly", "no"] as const).map((v, i) => ({ value: v, label: q.fcr.labels[v], badge: String(i + 1) }))}
          columns={3}
          selected={p.values.fcr}
          error={fieldError("fcr")}
        />
        <div class={commentError ? "field group-error" : "field"}>
          <label class="question" for="comment">
            {q.comment.text}{" "}
            <span class="optional">{m.page.optional}</span>
          </label>
          <p class="hint" id="comment-hint">
            {q.comment.hint} {m.page.charactersLeft(max)}
          </p>
          {commentError ? (
            <p id="comment-error" class="error-message">
              {commentError}
            </p>
          ) : null}
          <textarea
            id="comment"
            name="comment"
            rows={6}
            maxlength={COMMENT_MAX}
            dir="auto"
            class={commentError ? "invalid" : undefined}
            aria-describedby={commentError ? "comment-hint comment-error" : "comment-hint"}
            aria-invalid={commentError ? "true" : undefined}
          >
            {p.values.comment ?? ""}
          </textarea>
        </div>
        <button type="submit" class="button">
          {p.editUntil ? m.page.saveChanges : m.page.submit}
        </button>
      </form>
    </Layout>
  );
}
