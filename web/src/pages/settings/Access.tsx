import type { Settings } from "../../api";
import { DataTable } from "../../components/DataTable";
import { me } from "../../models/app";
import { ROLES, type SettingsPageModel } from "../../models/settings";
import { SettingsSection, when } from "./Section";

const userStatus = (u: { disabledAt: number | null; lockedUntil: number | null }) =>
  u.disabledAt ? "disabled" : u.lockedUntil && u.lockedUntil > Date.now() ? "locked (too many failed sign-ins)" : "active";

/** Who may sign in to the dashboard, and which systems may call /api/v1. */
export function AccessSections({ s, m }: { s: Settings; m: SettingsPageModel }) {
  const teamChoices = s.teams.filter((t) => t.retiredAt === null).map((t) => ({ value: t.code, label: t.name }));
  // The users form edits a user by id (its "code"), role and team only.
  const userById = (id: string | null) => s.users.find((u) => String(u.id) === id);
  return (
    <>
      <SettingsSection
        m={m}
        id="users"
        title="Users"
        noun="user"
        form={{
          // Adding: email, role and team. Editing (code: the user's id): role and team only.
          fields: (id) => [
            ...(id === null ? [{ name: "email", label: "Email", kind: "email" as const, required: true }] : []),
            { name: "role", label: "Role", kind: "select", choices: ROLES.map((r) => ({ value: r.value, label: r.label })) },
            { name: "team", label: "Team (managers only)", kind: "select", choices: [{ value: "", label: "No team" }, ...teamChoices] },
          ],
          initial: (id): Record<string, string> => {
            const user = userById(id);
            return user ? { role: user.role, team: user.team ?? "" } : { email: "", role: "manager", team: "" };
          },
          submit: (id, v) => (id === null ? m.addUser(v) : m.changeUserRole(id, v)),
          editTitle: (id) => `Change the role of ${userById(id)?.email ?? "this user"}`,
        }}
      >
        <p class="small">
          A password is generated for each new user, and for a reset, and shown once. Disabling a user or resetting their password signs them out at once; a
          change of role applies from their next click.
        </p>
        <DataTable
          captionHidden
          caption="Users"
          filename="users.csv"
          rowKey={(r) => String(r.id)}
          rows={s.users}
          columns={[
            { header: "Email", cell: (r) => r.email, csv: (r) => r.email },
            { header: "Role", cell: (r) => r.role, csv: (r) => r.role },
            { header: "Team", cell: (r) => r.teamName ?? "", csv: (r) => r.team },
            { header: "Status", cell: userStatus, csv: userStatus },
            {
              header: "Actions",
              cell: (r) =>
                r.email === me.value?.email ? (
                  <span class="small">you</span>
                ) : (
                  <div class="row-actions">
                    <button type="button" class="small-button secondary" onClick={() => m.openForm("users", String(r.id))}>
                      Change role<span class="sr-only"> of {r.email}</span>
                    </button>
                    <button
                      type="button"
                      class="small-button secondary"
                      onClick={() =>
                        window.confirm(`Give ${r.email} a new password? They are signed out and the old password stops working.`) &&
                        void m.resetUserPassword(r.id, r.email)
                      }
                    >
                      Reset password<span class="sr-only"> of {r.email}</span>
                    </button>
                    <button type="button" class="small-button secondary" onClick={() => void m.setUserDisabled(r.id, r.email, r.disabledAt === null)}>
                      {r.disabledAt === null ? "Disable" : "Enable"}
                      <span class="sr-only"> {r.email}</span>
                    </button>
                  </div>
                ),
              csv: () => null,
            },
          ]}
        />
      </SettingsSection>

      <SettingsSection
        m={m}
        id="apiKeys"
        title="API keys"
        noun="API key"
        form={{
          fields: () => [{ name: "name", label: "Name", hint: "Which system uses it, for example “CRM” or “Telephony”.", required: true }],
          initial: () => ({ name: "" }),
          submit: (_c, v) => m.addApiKey(v),
        }}
      >
        <DataTable
          captionHidden
          caption="API keys"
          filename="api-keys.csv"
          empty="No keys yet."
          rowKey={(r) => String(r.id)}
          rows={s.apiKeys}
          columns={[
            { header: "Name", cell: (r) => r.name, csv: (r) => r.name },
            { header: "Starts with", cell: (r) => <code>{r.prefix}</code>, csv: (r) => r.prefix },
            { header: "Created", cell: (r) => when(r.createdAt), csv: (r) => when(r.createdAt) },
            { header: "Last used", cell: (r) => when(r.lastUsedAt), csv: (r) => when(r.lastUsedAt) },
            { header: "Status", cell: (r) => (r.revokedAt ? `revoked ${when(r.revokedAt)}` : "active"), csv: (r) => (r.revokedAt ? "revoked" : "active") },
            {
              header: "Actions",
              cell: (r) =>
                r.revokedAt ? null : (
                  <button
                    type="button"
                    class="small-button secondary"
                    onClick={() => window.confirm(`Revoke the key “${r.name}”? Systems using it stop working at once.`) && void m.revokeApiKey(r.id, r.name)}
                  >
                    Revoke<span class="sr-only"> {r.name}</span>
                  </button>
                ),
              csv: () => null,
            },
          ]}
        />
      </SettingsSection>
    </>
  );
}
