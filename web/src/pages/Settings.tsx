import type { Settings } from "../api";
import { DataTable } from "../components/DataTable";
import type { FieldSpec } from "../components/EditForm";
import { isAdmin } from "../models/app";
import { RULE_LANGUAGES, rulesField, rulesToForm } from "../models/forms";
import { MEASURES, openForm, save, settings, setRetired, showSignature, signature, type RefSection } from "../models/settings";
import { Loaded, useLoader } from "./common";
import { AccessSections } from "./settings/Access";
import { FollowUpSettings } from "./settings/FollowUpSettings";
import { CategoryLabelsSettings } from "./settings/CategoryLabels";
import { RowActions, SettingsSection, status } from "./settings/Section";
import { SignaturePanel } from "./settings/SignaturePanel";

const CODE_HINT = "Letters, digits, '_', '.', '-'. Other systems use it; it cannot change later.";
const code = (c: string | null): FieldSpec => ({ name: "code", label: "Code", hint: c ? undefined : CODE_HINT, readOnly: c !== null, required: true });
const name: FieldSpec = { name: "name", label: "Name", required: true };

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
  useLoader(settings);
  if (!isAdmin.value) return <p>Only administrators can see the settings.</p>;
  return (
    <Loaded loader={settings}>
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
            <ReferenceSections s={s} />
            <FollowUpSettings />
            <CategoryLabelsSettings />
            <AccessSections s={s} />
          </>
        )
      }
    </Loaded>
  );
}

function ReferenceSections({ s }: { s: Settings }) {
  const departmentChoices = s.departments.filter((d) => d.retiredAt === null).map((d) => ({ value: d.code, label: d.name }));
  const teamChoices = s.teams.filter((t) => t.retiredAt === null).map((t) => ({ value: t.code, label: t.name }));
  const find = <R extends { code: string }>(rows: readonly R[], c: string | null) => rows.find((r) => r.code === c);
  const submit = (section: RefSection) => (c: string | null, v: Record<string, string>) => save(section, c, v);
  const retire = (section: RefSection, c: string) => (retired: boolean) => void setRetired(section, c, retired);
  return (
    <>
      <SettingsSection
        id="departments"
        title="Departments"
        noun="department"
        form={{ fields: (c) => [code(c), name], initial: (c) => ({ code: c ?? "", name: find(s.departments, c)?.name ?? "" }), submit: submit("departments") }}
      >
        <DataTable
          captionHidden
          caption="Departments"
          filename="departments.csv"
          empty="None yet."
          rowKey={(r) => r.code}
          rows={s.departments}
          columns={[
            { header: "Name", cell: (r) => r.name, csv: (r) => r.name },
            { header: "Code", cell: (r) => r.code, csv: (r) => r.code },
            { header: "Status", cell: (r) => status(r.retiredAt), csv: (r) => status(r.retiredAt) },
            {
              header: "Actions",
              cell: (r) => (
                <RowActions
                  label={r.name}
                  retired={r.retiredAt !== null}
                  onEdit={() => openForm("departments", r.code)}
                  onRetire={retire("departments", r.code)}
                />
              ),
              csv: () => null,
            },
          ]}
        />
      </SettingsSection>

      <SettingsSection
        id="teams"
        title="Teams"
        noun="team"
        form={{
          fields: (c) => [
            code(c),
            name,
            { name: "department", label: "Department", kind: "select", choices: [{ value: "", label: "Choose a department" }, ...departmentChoices] },
          ],
          initial: (c) => ({ code: c ?? "", name: find(s.teams, c)?.name ?? "", department: find(s.teams, c)?.department ?? "" }),
          submit: submit("teams"),
        }}
      >
        <DataTable
          captionHidden
          caption="Teams"
          filename="teams.csv"
          empty="None yet."
          rowKey={(r) => r.code}
          rows={s.teams}
          columns={[
            { header: "Name", cell: (r) => r.name, csv: (r) => r.name },
            { header: "Code", cell: (r) => r.code, csv: (r) => r.code },
            { header: "Department", cell: (r) => r.departmentName, csv: (r) => r.department },
            { header: "Status", cell: (r) => status(r.retiredAt), csv: (r) => status(r.retiredAt) },
            {
              header: "Actions",
              cell: (r) => (
                <RowActions label={r.name} retired={r.retiredAt !== null} onEdit={() => openForm("teams", r.code)} onRetire={retire("teams", r.code)} />
              ),
              csv: () => null,
            },
          ]}
        />
      </SettingsSection>

      <SettingsSection
        id="staff"
        title="Staff"
        noun="staff member"
        form={{
          fields: (c) => [
            code(c),
            name,
            { name: "email", label: "Work email", kind: "email", required: true },
            { name: "team", label: "Team", kind: "select", choices: [{ value: "", label: "Choose a team" }, ...teamChoices] },
          ],
          initial: (c) => {
            const r = find(s.staff, c);
            return { code: c ?? "", name: r?.name ?? "", email: r?.email ?? "", team: r?.team ?? "" };
          },
          submit: submit("staff"),
        }}
      >
        <DataTable
          captionHidden
          caption="Staff"
          filename="staff.csv"
          empty="None yet."
          rowKey={(r) => r.code}
          rows={s.staff}
          columns={[
            { header: "Name", cell: (r) => r.name, csv: (r) => r.name },
            { header: "Code", cell: (r) => r.code, csv: (r) => r.code },
            { header: "Team", cell: (r) => r.teamName, csv: (r) => r.team },
            { header: "Status", cell: (r) => status(r.retiredAt), csv: (r) => status(r.retiredAt) },
            {
              header: "Actions",
              cell: (r) => (
                <RowActions label={r.name} retired={r.retiredAt !== null} onEdit={() => openForm("staff", r.code)} onRetire={retire("staff", r.code)}>
                  {r.retiredAt === null ? (
                    <button
                      type="button"
                      class="small-button secondary"
                      aria-expanded={signature.value?.code === r.code}
                      onClick={() => void showSignature(r.code)}
                    >
                      Signature<span class="sr-only"> of {r.name}</span>
                    </button>
                  ) : null}
                </RowActions>
              ),
              csv: () => null,
            },
          ]}
        />
        <SignaturePanel />
      </SettingsSection>

      <SettingsSection
        id="services"
        title="Services"
        noun="service"
        form={{ fields: (c) => [code(c), name], initial: (c) => ({ code: c ?? "", name: find(s.services, c)?.name ?? "" }), submit: submit("services") }}
      >
        <DataTable
          captionHidden
          caption="Services"
          filename="services.csv"
          empty="None yet."
          rowKey={(r) => r.code}
          rows={s.services}
          columns={[
            { header: "Name", cell: (r) => r.name, csv: (r) => r.name },
            { header: "Code", cell: (r) => r.code, csv: (r) => r.code },
            { header: "Status", cell: (r) => status(r.retiredAt), csv: (r) => status(r.retiredAt) },
            {
              header: "Actions",
              cell: (r) => (
                <RowActions label={r.name} retired={r.retiredAt !== null} onEdit={() => openForm("services", r.code)} onRetire={retire("services", r.code)} />
              ),
              csv: () => null,
            },
          ]}
        />
      </SettingsSection>

      <SettingsSection
        id="themes"
        title="Themes and their rules"
        noun="theme"
        form={{
          fields: (c) => [
            code(c),
            name,
            ...RULE_LANGUAGES.map(
              ({ code: lang, name: language }): FieldSpec => ({
                name: rulesField(lang),
                label: `${language} words and phrases`,
                kind: "textarea",
                dir: lang === "ar" ? "rtl" : "ltr",
                hint:
                  lang === "en"
                    ? "One per line. End a word with * to match its beginnings (wait* matches waiting). English rules apply to every comment."
                    : "One per line; leave empty if none.",
              }),
            ),
          ],
          initial: (c) => ({ code: c ?? "", name: find(s.themes, c)?.name ?? "", ...rulesToForm(find(s.themes, c)?.rules ?? {}) }),
          submit: submit("themes"),
        }}
      >
        <DataTable
          captionHidden
          caption="Themes"
          filename="themes.csv"
          empty="None yet."
          rowKey={(r) => r.code}
          rows={s.themes}
          columns={[
            { header: "Name", cell: (r) => r.name, csv: (r) => r.name },
            { header: "English words", cell: (r) => <span class="rules">{(r.rules.en ?? []).join(", ")}</span>, csv: (r) => (r.rules.en ?? []).join(", ") },
            { header: "Languages", cell: (r) => Object.keys(r.rules).join(", "), csv: (r) => Object.keys(r.rules).join(" ") },
            { header: "Status", cell: (r) => status(r.retiredAt), csv: (r) => status(r.retiredAt) },
            {
              header: "Actions",
              cell: (r) => (
                <RowActions label={r.name} retired={r.retiredAt !== null} onEdit={() => openForm("themes", r.code)} onRetire={retire("themes", r.code)} />
              ),
              csv: () => null,
            },
          ]}
        />
      </SettingsSection>

      <SettingsSection
        id="targets"
        title="Targets"
        noun="target"
        form={{
          fields: (c) =>
            c
              ? [code(c), { name: "value", label: "Target value", kind: "number", required: true }]
              : [
                  code(c),
                  { name: "measure", label: "Measure", kind: "select", choices: MEASURES.map((m) => ({ value: m.value, label: m.label })) },
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
                ],
          initial: (c) => ({ code: c ?? "", measure: "csat", value: String(find(s.targets, c)?.value ?? ""), scope: "" }),
          aliases: { department: "scope", team: "scope" },
          submit: submit("targets"),
        }}
      >
        <DataTable
          captionHidden
          caption="Targets"
          filename="targets.csv"
          empty="None yet."
          rowKey={(r) => r.code}
          rows={s.targets}
          columns={[
            { header: "Measure", cell: (r) => MEASURES.find((m) => m.value === r.measure)?.label ?? r.measure, csv: (r) => r.measure },
            { header: "Applies to", cell: (r) => r.teamName ?? r.departmentName ?? "Whole organisation", csv: (r) => r.team ?? r.department ?? "all" },
            { header: "Target", cell: (r) => r.value, csv: (r) => r.value, numeric: true },
            { header: "Status", cell: (r) => status(r.retiredAt), csv: (r) => status(r.retiredAt) },
            {
              header: "Actions",
              cell: (r) => (
                <RowActions
                  label={`${r.measure} target ${r.code}`}
                  retired={r.retiredAt !== null}
                  onEdit={() => openForm("targets", r.code)}
                  onRetire={retire("targets", r.code)}
                />
              ),
              csv: () => null,
            },
          ]}
        />
      </SettingsSection>
    </>
  );
}
