import { DataTable } from "../components/DataTable";
import { isAdmin, settings } from "../models/app";
import { Loaded, useLoader } from "./common";

const when = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString().slice(0, 10));
const status = (retiredAt: number | null) => (retiredAt === null ? "active" : `retired ${when(retiredAt)}`);

/** Read-only lists of what administrators manage; changes are made with the CLI or /api/v1. */
export function SettingsPage() {
  useLoader(settings);
  if (!isAdmin.value) return <p>Only administrators can see the settings.</p>;
  return (
    <Loaded loader={settings}>
      {(s) =>
        s && (
          <>
            <p class="lede">These lists are read-only here. Change them with the command line (npm run cli) or the API under /api/v1.</p>
            <DataTable caption="Departments" filename="departments.csv" rowKey={(r) => r.code} rows={s.departments} columns={[
              { header: "Name", cell: (r) => r.name, csv: (r) => r.name },
              { header: "Code", cell: (r) => r.code, csv: (r) => r.code },
              { header: "Status", cell: (r) => status(r.retiredAt), csv: (r) => status(r.retiredAt) },
            ]} />
            <DataTable caption="Teams" filename="teams.csv" rowKey={(r) => r.code} rows={s.teams} columns={[
              { header: "Name", cell: (r) => r.name, csv: (r) => r.name },
              { header: "Code", cell: (r) => r.code, csv: (r) => r.code },
              { header: "Department", cell: (r) => r.department, csv: (r) => r.department },
              { header: "Status", cell: (r) => status(r.retiredAt), csv: (r) => status(r.retiredAt) },
            ]} />
            <DataTable caption="Staff" filename="staff.csv" rowKey={(r) => r.code} rows={s.staff} columns={[
              { header: "Name", cell: (r) => r.name, csv: (r) => r.name },
              { header: "Code", cell: (r) => r.code, csv: (r) => r.code },
              { header: "Team", cell: (r) => r.team, csv: (r) => r.team },
              { header: "Status", cell: (r) => status(r.retiredAt), csv: (r) => status(r.retiredAt) },
            ]} />
            <DataTable caption="Services" filename="services.csv" rowKey={(r) => r.code} rows={s.services} columns={[
              { header: "Name", cell: (r) => r.name, csv: (r) => r.name },
              { header: "Code", cell: (r) => r.code, csv: (r) => r.code },
              { header: "Status", cell: (r) => status(r.retiredAt), csv: (r) => status(r.retiredAt) },
            ]} />
            <DataTable caption="Themes and their English rules" filename="themes.csv" rowKey={(r) => r.code} rows={s.themes} columns={[
              { header: "Name", cell: (r) => r.name, csv: (r) => r.name },
              { header: "Code", cell: (r) => r.code, csv: (r) => r.code },
              { header: "English words", cell: (r) => <span class="rules">{(r.rules.en ?? []).join(", ")}</span>, csv: (r) => (r.rules.en ?? []).join(", ") },
              { header: "Languages", cell: (r) => Object.keys(r.rules).join(", "), csv: (r) => Object.keys(r.rules).join(" ") },
            ]} />
            <DataTable caption="Targets" filename="targets.csv" rowKey={(r) => r.code} rows={s.targets} columns={[
              { header: "Measure", cell: (r) => r.measure, csv: (r) => r.measure },
              { header: "Applies to", cell: (r) => r.team ?? r.department ?? "Whole organisation", csv: (r) => r.team ?? r.department ?? "all" },
              { header: "Target", cell: (r) => r.value, csv: (r) => r.value, numeric: true },
            ]} />
            <DataTable caption="Users" filename="users.csv" rowKey={(r) => r.email} rows={s.users} columns={[
              { header: "Email", cell: (r) => r.email, csv: (r) => r.email },
              { header: "Role", cell: (r) => r.role, csv: (r) => r.role },
              { header: "Team", cell: (r) => r.team ?? "", csv: (r) => r.team },
              { header: "Status", cell: (r) => (r.disabledAt ? "disabled" : r.lockedUntil && r.lockedUntil > Date.now() ? "locked" : "active"), csv: (r) => (r.disabledAt ? "disabled" : "active") },
            ]} />
            <DataTable caption="API keys" filename="api-keys.csv" rowKey={(r) => r.prefix} rows={s.apiKeys} columns={[
              { header: "Name", cell: (r) => r.name, csv: (r) => r.name },
              { header: "Starts with", cell: (r) => <code>{r.prefix}</code>, csv: (r) => r.prefix },
              { header: "Created", cell: (r) => when(r.createdAt), csv: (r) => when(r.createdAt) },
              { header: "Last used", cell: (r) => when(r.lastUsedAt), csv: (r) => when(r.lastUsedAt) },
              { header: "Status", cell: (r) => (r.revokedAt ? "revoked" : "active"), csv: (r) => (r.revokedAt ? "revoked" : "active") },
            ]} />
          </>
        )
      }
    </Loaded>
  );
}
