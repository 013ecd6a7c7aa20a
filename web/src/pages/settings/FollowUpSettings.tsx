import { useModel } from "@preact/signals";
import { DataTable } from "../../components/DataTable";
import { EditForm } from "../../components/EditForm";
import { formatDate } from "../../lib/format";
import { formModel, RULE_LANGUAGES } from "../../models/forms";
import { CATEGORY_LABELS, categoryLabel, FollowUpSettingsModel, type FollowUpRules } from "../../models/follow-ups";
import { Loaded } from "../common";

type Model = InstanceType<typeof FollowUpSettingsModel>;

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** "Off", "1 (very dissatisfied)", "2 or lower"… for a 1–5 answer. */
function thresholdChoices(lowest: string) {
  return [
    { value: "", label: "Off: never" },
    { value: "1", label: `1 (${lowest})` },
    ...[2, 3, 4].map((n) => ({ value: String(n), label: `${n} or lower` })),
    { value: "5", label: "5 or lower (every answer)" },
  ];
}

const THRESHOLDS = [
  { name: "csatAtMost", label: "Satisfaction (CSAT) at or below", choices: thresholdChoices("very dissatisfied") },
  { name: "csiAtMost", label: "Feeling (CSI) at or below", choices: thresholdChoices("very unhappy") },
  { name: "notResolvedCsatAtMost", label: "Not resolved, with CSAT at or below", choices: thresholdChoices("very dissatisfied") },
] as const;

const toForm = (r: FollowUpRules): Record<string, string> => ({
  csatAtMost: r.csatAtMost === null ? "" : String(r.csatAtMost),
  csiAtMost: r.csiAtMost === null ? "" : String(r.csiAtMost),
  notResolvedCsatAtMost: r.notResolvedCsatAtMost === null ? "" : String(r.notResolvedCsatAtMost),
  onContactRequest: r.onContactRequest ? "yes" : "no",
});

const RULES_FIELDS = [...THRESHOLDS.map((t) => t.name), "onContactRequest"];
const RulesFormModel = formModel<Record<string, string>>();

function RulesForm({ rules, m }: { rules: FollowUpRules; m: Model }) {
  const f = useModel(() => new RulesFormModel(toForm(rules), RULES_FIELDS, { aboveFields: "server" }));
  const values = f.values.value;
  const errors = f.errors.value;
  const formError = f.formError.value;
  const notice = m.rulesNotice.value;
  async function submit(e: Event) {
    e.preventDefault();
    const r = await f.submit(m.saveRules);
    if (!r.sent && r.first) focusLater(`rules-${r.first}`);
  }
  return (
    <form class="edit-form rules-form" onSubmit={submit} aria-labelledby="set-followUpRules-h" noValidate>
      {formError ? (
        <p class="error" role="alert">
          {formError}
        </p>
      ) : null}
      <fieldset class="rules-fieldset">
        <legend>Open a follow-up case when an answer has</legend>
        <div class="form-grid">
          {THRESHOLDS.map((t) => {
            const id = `rules-${t.name}`;
            return (
              <div class="field">
                <label for={id}>{t.label}</label>
                <select
                  id={id}
                  value={values[t.name]}
                  aria-invalid={errors[t.name] ? "true" : undefined}
                  aria-describedby={errors[t.name] ? `${id}-error` : undefined}
                  onChange={(e) => f.set(t.name, (e.target as HTMLSelectElement).value)}
                >
                  {t.choices.map((c) => (
                    <option value={c.value}>{c.label}</option>
                  ))}
                </select>
                {errors[t.name] ? (
                  <span class="field-error" id={`${id}-error`}>
                    {errors[t.name]}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
        <div class="check">
          <input
            id="rules-onContactRequest"
            type="checkbox"
            checked={values.onContactRequest === "yes"}
            onChange={(e) => f.set("onContactRequest", (e.target as HTMLInputElement).checked ? "yes" : "no")}
          />
          <label for="rules-onContactRequest">or a request from the customer to be contacted</label>
        </div>
      </fieldset>
      <p class="small">
        Safeguarding phrases always open an urgent case, whatever these rules say. A change applies to answers from now on; open cases stay as they are.
      </p>
      <div class="form-actions">
        <button type="submit" disabled={f.busy.value}>
          Save the rules
        </button>
        <span role="status" class="inline-status">
          {notice?.kind === "ok" ? notice.text : ""}
        </span>
      </div>
    </form>
  );
}

function Phrases({ m }: { m: Model }) {
  const notice = m.phrasesNotice.value;
  const language = (v: string) => RULE_LANGUAGES.find((l) => l.code === v)?.name ?? v;
  return (
    <>
      {notice ? (
        <p id="phrases-notice" tabIndex={-1} class={notice.kind === "error" ? "error" : "success"} role={notice.kind === "error" ? "alert" : "status"}>
          {notice.text}
        </p>
      ) : null}
      {m.adding.value ? (
        <EditForm
          id="form-phrase"
          title="Add a safeguarding phrase"
          fields={[
            { name: "category", label: "Concern", kind: "select", choices: Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label })) },
            { name: "language", label: "Language", kind: "select", choices: RULE_LANGUAGES.map((l) => ({ value: l.code, label: l.name })) },
            {
              name: "phrase",
              label: "Word or phrase",
              required: true,
              hint: "Matched in comments and phone transcriptions in this language, in any letter case.",
            },
          ]}
          initial={{ category: "suicide_self_harm", language: "en", phrase: "" }}
          submitLabel="Add the phrase"
          onSubmit={async (v) => {
            await m.addPhrase(v);
            focusLater("phrases-notice");
          }}
          onCancel={m.closeAdd}
        />
      ) : null}
      <Loaded loader={m.phrases}>
        {(d) => (
          <DataTable
            captionHidden
            caption="Safeguarding phrases"
            filename="safeguarding-phrases.csv"
            empty="None added: only the built-in phrases are used."
            rowKey={(r) => String(r.id)}
            rows={d.items}
            columns={[
              {
                header: "Phrase",
                cell: (r) => (
                  <span lang={r.language} dir="auto">
                    {r.phrase}
                  </span>
                ),
                csv: (r) => r.phrase,
              },
              { header: "Concern", cell: (r) => categoryLabel(r.category), csv: (r) => r.category },
              { header: "Language", cell: (r) => language(r.language), csv: (r) => r.language },
              { header: "Added", cell: (r) => formatDate(r.createdAt), csv: (r) => r.createdAt.slice(0, 10) },
              {
                header: "Actions",
                cell: (r) => (
                  <button
                    type="button"
                    class="small-button secondary"
                    onClick={async () => {
                      if (!window.confirm(`Delete the safeguarding phrase ‘${r.phrase}’? Answers from now on are no longer matched against it.`)) return;
                      await m.deletePhrase(r.id, r.phrase);
                      focusLater("phrases-notice");
                    }}
                  >
                    Delete<span class="sr-only"> ‘{r.phrase}’</span>
                  </button>
                ),
                csv: () => null,
              },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

/** Administrators: which answers open a follow-up case, and the organisation's own safeguarding phrases. */
export function FollowUpSettings() {
  const m = useModel(FollowUpSettingsModel);
  return (
    <>
      <section class="panel settings-section" id="set-followUpRules" aria-labelledby="set-followUpRules-h">
        <div class="section-head">
          <h2 id="set-followUpRules-h">Follow-up rules</h2>
        </div>
        <Loaded loader={m.rules}>{(r) => <RulesForm key={JSON.stringify(r)} rules={r} m={m} />}</Loaded>
      </section>
      <section class="panel settings-section" id="set-safeguarding" aria-labelledby="set-safeguarding-h">
        <div class="section-head">
          <h2 id="set-safeguarding-h">Safeguarding phrases</h2>
          <button type="button" class="secondary" onClick={m.openAdd} aria-expanded={m.adding.value}>
            Add a phrase
          </button>
        </div>
        <p class="small">
          Built-in phrases in every survey language cover suicide and self-harm, abuse, threats and people at risk. Add the words your customers use; a match
          opens an urgent case and alerts the safeguarding contact.
        </p>
        <Phrases m={m} />
      </section>
    </>
  );
}
