import { useModel } from "@preact/signals";
import type { Settings } from "../api";
import type { Column } from "../components/DataTable";
import type { FieldSpec } from "../components/EditForm";
import { isAdmin } from "../models/app";
import { RULE_LANGUAGES, rulesField, rulesToForm } from "../models/forms";
import { MEASURES, SettingsModel, type SettingsPageModel } from "../models/settings";
import { Loaded } from "./common";
import { AccessSections } from "./settings/Access";
import { CategoryLabelsSettings } from "./settings/CategoryLabels";
import { FollowUpSettings } from "./settings/FollowUpSettings";
import { codeField as code, nameField as name, ReferenceSection } from "./settings/ReferenceSection";
import { SignaturePanel } from "./settings/SignaturePanel";

/** Sections in page order, for the contents list. */
const SECTIONS = [
  ["departments", "Departments"],
  ["teams", "Teams"],
  ["staff", "Staff"],
  ["services", "Services"],
  ["themes", "Themes"],
  ["targets", "Targets"],
  ["followUpRules", "Follow-up rules"],
  ["safeguarding", "Safeguarding phrases"],
  ["categoryLabels", "Assessment categories"],
  ["users", "Users"],
  ["apiKeys", "API keys"],
] as const;

/** Administrators manage reference data, users and API keys here; every change goes through the dashboard API. */
export function SettingsPage() {
  const m = useModel(SettingsModel);
  if (!isAdmin.value) return <p>Only administrators can see the settings.</p>;
  return (
    <Loaded loader={m.settings}>
      {(s) =>
        s && (
          <>
            <nav class="toc" aria-label="Settings sections">
              <ul>
                {SECTIONS.map(([id, title]) => (
                  <li>
                    <a href={`#set-${id}`}>{title}</a>
                  </li>
                ))}
              </ul>
            </nav>
            <p class="lede">Nothing is deleted: retired things keep their names in past figures and can be brought back.</p>
            <ReferenceSections s={s} m={m} />
            <FollowUpSettings />
            <CategoryLabelsSettings />
            <AccessSections s={s} m={m} />
          </>
        )
      }
    </Loaded>
  );
}

type Named = { code: string; name: string };
const nameAndCode: Column<Named>[] = [
  { header: "Name", cell: (r) => r.name, csv: (r) => r.name },
  { header: "Code", cell: (r) => r.code, csv: (r) => r.code },
];

const RULES_HINT_EN = "One per line. End a word with * to match its beginnings (wait* matches waiting). English rules apply to every comment.";
const ruleFields = RULE_LANGUAGES.map(
  ({ code: lang, name: language }): FieldSpec => ({
    name: rulesField(lang),
    label: `${language} words and phrases`,
    kind: "textarea",
    dir: lang === "ar" ? "rtl" : "ltr",
    hint: lang === "en" ? RULES_HINT_EN : "One per line; leave empty if none.",
  }),
);

function ReferenceSections({ s, m }: { s: Settings; m: SettingsPageModel }) {
  const departmentChoices = s.departments.filter((d) => d.retiredAt === null).map((d) => ({ value: d.code, label: d.name }));
  const teamChoices = s.teams.filter((t) => t.retiredAt === null).map((t) => ({ value: t.code, label: t.name }));
  const named = <R extends Named>(r: R) => r.name;
  return (
    <>
      <ReferenceSection
        m={m}
        id="departments"
        title="Departments"
        noun="department"
        rows={s.departments}
        fields={(c) => [code(c), name]}
        initial={(r, c) => ({ code: c ?? "", name: r?.name ?? "" })}
        columns={nameAndCode}
        label={named}
      />

      <ReferenceSection
        m={m}
        id="teams"
        title="Teams"
        noun="team"
        rows={s.teams}
        fields={(c) => [
          code(c),
          name,
          { name: "department", label: "Department", kind: "select", choices: [{ value: "", label: "Choose a department" }, ...departmentChoices] },
        ]}
        initial={(r, c) => ({ code: c ?? "", name: r?.name ?? "", department: r?.department ?? "" })}
        columns={[...nameAndCode, { header: "Department", cell: (r) => r.departmentName, csv: (r) => r.department }]}
        label={named}
      />

      <ReferenceSection
        m={m}
        id="staff"
        title="Staff"
        noun="staff member"
        rows={s.staff}
        fields={(c) => [
          code(c),
          name,
          { name: "email", label: "Work email", kind: "email", required: true },
          { name: "team", label: "Team", kind: "select", choices: [{ value: "", label: "Choose a team" }, ...teamChoices] },
        ]}
        initial={(r, c) => ({ code: c ?? "", name: r?.name ?? "", email: r?.email ?? "", team: r?.team ?? "" })}
        columns={[...nameAndCode, { header: "Team", cell: (r) => r.teamName, csv: (r) => r.team }]}
        label={named}
        rowButtons={(r) =>
          r.retiredAt === null ? (
            <button
              type="button"
              class="small-button secondary"
              aria-expanded={m.signature.value?.code === r.code}
              onClick={() => void m.showSignature(r.code)}
            >
              Signature<span class="sr-only"> of {r.name}</span>
            </button>
          ) : null
        }
      >
        <SignaturePanel m={m} />
      </ReferenceSection>

      <ReferenceSection
        m={m}
        id="services"
        title="Services"
        noun="service"
        rows={s.services}
        fields={(c) => [code(c), name]}
        initial={(r, c) => ({ code: c ?? "", name: r?.name ?? "" })}
        columns={nameAndCode}
        label={named}
      />

      <ReferenceSection
        m={m}
        id="themes"
        title="Themes and their rules"
        caption="Themes"
        noun="theme"
        rows={s.themes}
        fields={(c) => [code(c), name, ...ruleFields]}
        initial={(r, c) => ({ code: c ?? "", name: r?.name ?? "", ...rulesToForm(r?.rules ?? {}) })}
        columns={[
          { header: "Name", cell: (r) => r.name, csv: (r) => r.name },
          { header: "English words", cell: (r) => <span class="rules">{(r.rules.en ?? []).join(", ")}</span>, csv: (r) => (r.rules.en ?? []).join(", ") },
          { header: "Languages", cell: (r) => Object.keys(r.rules).join(", "), csv: (r) => Object.keys(r.rules).join(" ") },
        ]}
        label={named}
      />

      <ReferenceSection
        m={m}
        id="targets"
        title="Targets"
        noun="target"
        rows={s.targets}
        fields={(c) =>
          c
            ? [code(c), { name: "value", label: "Target value", kind: "number", required: true }]
            : [
                code(c),
                { name: "measure", label: "Measure", kind: "select", choices: MEASURES.map((x) => ({ value: x.value, label: x.label })) },
                { name: "value", label: "Target value", kind: "number", required: true, hint: "Percentages 0–100; CES mean 1–7; net sentiment −100 to 100." },
                {
                  name: "scope",
                  label: "Applies to",
                  kind: "select",
                  choices: [
                    { value: "", label: "The whole organisation" },
                    ...departmentChoices.map((d) => ({ value: `department:${d.value}`, label: `Department: ${d.label}` })),
                    ...teamChoices.map((t) => ({ value: `team:${t.value}`, label: `Team: ${t.label}` })),
                  ],
                },
              ]
        }
        initial={(r, c) => ({ code: c ?? "", measure: "csat", value: String(r?.value ?? ""), scope: "" })}
        aliases={{ department: "scope", team: "scope" }}
        columns={[
          { header: "Measure", cell: (r) => MEASURES.find((x) => x.value === r.measure)?.label ?? r.measure, csv: (r) => r.measure },
          { header: "Applies to", cell: (r) => r.teamName ?? r.departmentName ?? "Whole organisation", csv: (r) => r.team ?? r.department ?? "all" },
          { header: "Target", cell: (r) => r.value, csv: (r) => r.value, numeric: true },
        ]}
        label={(r) => `${r.measure} target ${r.code}`}
      />
    </>
  );
}
