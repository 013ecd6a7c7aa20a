import { PERIODS, type Period } from "../../../src/domain/periods";
import { datesShown, options, period, setDate, url, type RangeDefault } from "../models/app";
import { CHANNEL_NAMES } from "../lib/format";

/** Quarters and years are the organisation's financial ones (FINANCIAL_YEAR_START, April by default). */
const PERIOD_NAMES: Record<Period, string> = { week: "Weekly", month: "Monthly", quarter: "Quarterly (financial)", year: "Financial year" };

function Select({
  id,
  label,
  value,
  choices,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  choices: { value: string; label: string }[];
  onChange: (v: string) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {choices.map((c) => (
          <option value={c.value}>{c.label}</option>
        ))}
      </select>
    </div>
  );
}

/**
 * The filter bar: every change goes into the URL, which the pages' data follows. With no dates
 * in the URL the date boxes show the range the page's figures count: `ranges` says which
 * default the page has (the Overview's last complete period unless told otherwise).
 */
export function Filters({ dates = true, ranges }: { dates?: boolean; ranges?: RangeDefault }) {
  const q = url.query.value;
  const o = options.value;
  const set = url.setParam;
  const which = ranges ?? (url.page.value === "" ? "lastComplete" : "recent");
  const shown = datesShown(which);
  const all = (label: string) => [{ value: "", label }];
  const teams = (o?.teams ?? []).filter((t) => !q.department || t.departmentCode === q.department);
  return (
    <form class="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      {dates ? (
        <>
          <Select
            id="f-period"
            label="Period"
            value={period.value}
            choices={PERIODS.map((p) => ({ value: p, label: PERIOD_NAMES[p] }))}
            onChange={(v) => set("period", v === "month" ? null : v)}
          />
          <div class="field">
            <label for="f-from">From</label>
            <input id="f-from" type="date" value={shown.from ?? ""} onChange={(e) => setDate(which, "from", (e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="f-to">To</label>
            <input id="f-to" type="date" value={shown.to ?? ""} onChange={(e) => setDate(which, "to", (e.target as HTMLInputElement).value)} />
          </div>
        </>
      ) : null}
      {o && o.departments.length > 1 ? (
        <Select
          id="f-department"
          label="Department"
          value={q.department ?? ""}
          choices={[...all("All departments"), ...o.departments.map((d) => ({ value: d.code, label: d.name }))]}
          onChange={(v) => set("department", v)}
        />
      ) : null}
      {o && o.teams.length > 1 ? (
        <Select
          id="f-team"
          label="Team"
          value={q.team ?? ""}
          choices={[...all("All teams"), ...teams.map((t) => ({ value: t.code, label: t.name }))]}
          onChange={(v) => set("team", v)}
        />
      ) : null}
      <Select
        id="f-service"
        label="Service"
        value={q.service ?? ""}
        choices={[...all("All services"), ...(o?.services ?? []).map((s) => ({ value: s.code, label: s.name }))]}
        onChange={(v) => set("service", v)}
      />
      <Select
        id="f-channel"
        label="Channel"
        value={q.channel ?? ""}
        choices={[...all("All channels"), ...(o?.channels ?? []).map((c) => ({ value: c, label: CHANNEL_NAMES[c] ?? c }))]}
        onChange={(v) => set("channel", v)}
      />
    </form>
  );
}
