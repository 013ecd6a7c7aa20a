import { createModel, signal } from "@preact/signals";
import { api, ApiError, ok, type Signature } from "../api";
import { isAdmin, options } from "./app";
import { numberField, rulesFromForm, targetScope } from "./forms";
import { createLoader } from "./loader";

/** The kinds of reference data with the same create / edit / retire life. */
export type RefSection = "departments" | "teams" | "staff" | "services" | "themes" | "targets";
export type Section = RefSection | "users" | "apiKeys";

type Notice = { section: Section; kind: "ok" | "error"; text: string };
type Secret = { section: Section; label: string; value: string };
type SignatureView = { code: string; data: Signature | null; error: string | null };

const s = api.settings;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The form's role, one the server knows (the select offers no other). */
const roleOf = (v: Record<string, string>) => (ROLES.find((r) => r.value === v.role) ?? ROLES[0]).value;

/**
 * The settings page (administrators only): the reference data, targets, users and keys it edits,
 * which form is open, the outcome of the last change and a secret shown once. Each action that
 * saves a form throws ApiError with the bad fields, for the form to place.
 */
export const SettingsModel = createModel(() => {
  const settings = createLoader(
    () => isAdmin.value,
    (admin) => (admin ? ok(s.$get()) : Promise.resolve(null)),
  );
  settings.start();
  /** Which form is open: one at a time; code null is "add a new one". */
  const editing = signal<{ section: Section; code: string | null } | null>(null);
  /** The last outcome, shown in its section (polite for success, an alert for a refusal). */
  const notice = signal<Notice | null>(null);
  /** A generated password or API key: shown once, right after it is made, never again. */
  const secret = signal<Secret | null>(null);
  /** The staff member whose signature snippet is open. */
  const signature = signal<SignatureView | null>(null);

  /** After every change: the lists, and the filter bar's choices (a new team appears in its filter). */
  async function changed(section: Section, text: string): Promise<void> {
    editing.value = null;
    notice.value = { section, kind: "ok", text };
    settings.reload();
    options.value = await ok(api.options.$get());
  }

  /** A change from a row's button; a refusal (a team that still has staff…) is shown in its section. */
  async function attempt(section: Section, call: () => Promise<void>): Promise<void> {
    try {
      await call();
    } catch (e) {
      notice.value = { section, kind: "error", text: message(e) };
    }
  }

  async function retire(section: RefSection, code: string, retired: boolean): Promise<void> {
    const json = { retired };
    const param = { code };
    switch (section) {
      case "departments":
        await ok(s.departments[":code"].$patch({ param, json }));
        break;
      case "teams":
        await ok(s.teams[":code"].$patch({ param, json }));
        break;
      case "staff":
        await ok(s.staff[":code"].$patch({ param, json }));
        break;
      case "services":
        await ok(s.services[":code"].$patch({ param, json }));
        break;
      case "themes":
        await ok(s.themes[":code"].$patch({ param, json }));
        break;
      case "targets":
        await ok(s.targets[":code"].$patch({ param, json }));
        break;
    }
    await changed(section, retired ? `Retired ${code}.` : `Brought back ${code}.`);
  }

  return {
    settings,
    editing,
    notice,
    secret,
    signature,
    openForm: (section: Section, code: string | null) => {
      editing.value = { section, code };
      notice.value = null;
      secret.value = null;
    },
    closeForm: () => void (editing.value = null),

    /** Creates (code null) or changes one thing from its form's values. */
    save: async (section: RefSection, code: string | null, v: Record<string, string>): Promise<void> => {
      const name = v.name ?? "";
      switch (section) {
        case "departments":
          await ok(code ? s.departments[":code"].$patch({ param: { code }, json: { name } }) : s.departments.$post({ json: { code: v.code ?? "", name } }));
          break;
        case "teams": {
          const department = v.department ?? "";
          await ok(
            code ? s.teams[":code"].$patch({ param: { code }, json: { name, department } }) : s.teams.$post({ json: { code: v.code ?? "", name, department } }),
          );
          break;
        }
        case "staff": {
          const body = { name, email: v.email ?? "", team: v.team ?? "" };
          await ok(code ? s.staff[":code"].$patch({ param: { code }, json: body }) : s.staff.$post({ json: { code: v.code ?? "", ...body } }));
          break;
        }
        case "services":
          await ok(code ? s.services[":code"].$patch({ param: { code }, json: { name } }) : s.services.$post({ json: { code: v.code ?? "", name } }));
          break;
        case "themes": {
          const rules = rulesFromForm(v);
          await ok(code ? s.themes[":code"].$patch({ param: { code }, json: { name, rules } }) : s.themes.$post({ json: { code: v.code ?? "", name, rules } }));
          break;
        }
        case "targets": {
          const value = numberField(v.value ?? "");
          const measure = (MEASURES.find((m) => m.value === v.measure) ?? MEASURES[0]).value;
          await ok(
            code
              ? s.targets[":code"].$patch({ param: { code }, json: { value } })
              : s.targets.$post({ json: { code: v.code ?? "", measure, value, ...targetScope(v.scope ?? "") } }),
          );
          break;
        }
      }
      await changed(section, code ? `Saved ${code}.` : `Added ${v.code ?? ""}.`);
    },

    /** Retires or brings back. */
    setRetired: (section: RefSection, code: string, retired: boolean) => attempt(section, () => retire(section, code, retired)),

    addUser: async (v: Record<string, string>): Promise<void> => {
      const created = await ok(s.users.$post({ json: { email: v.email ?? "", role: roleOf(v), ...(v.team ? { team: v.team } : {}) } }));
      await changed("users", `Added ${created.email}.`);
      secret.value = { section: "users", label: `Password for ${created.email}`, value: created.password };
    },

    /** Changes an existing user's role and team (id: the user's id), from the Users form. */
    changeUserRole: async (id: string, v: Record<string, string>): Promise<void> => {
      const user = await ok(s.users[":id"].role.$post({ param: { id }, json: { role: roleOf(v), ...(v.team ? { team: v.team } : {}) } }));
      await changed("users", `${user.email} is now ${user.role === "admin" ? "an" : "a"} ${user.role}${user.team ? ` of ${user.team}` : ""}.`);
    },

    resetUserPassword: (id: number, email: string) =>
      attempt("users", async () => {
        const reset = await ok(s.users[":id"].password.$post({ param: { id: String(id) } }));
        await changed("users", `New password for ${email}; they have been signed out.`);
        secret.value = { section: "users", label: `New password for ${reset.email}`, value: reset.password };
      }),

    setUserDisabled: (id: number, email: string, disabled: boolean) =>
      attempt("users", async () => {
        await ok(s.users[":id"].$patch({ param: { id: String(id) }, json: { disabled } }));
        await changed("users", disabled ? `Disabled ${email}.` : `Enabled ${email}.`);
      }),

    addApiKey: async (v: Record<string, string>): Promise<void> => {
      const created = await ok(s["api-keys"].$post({ json: { name: v.name ?? "" } }));
      await changed("apiKeys", `Created the key ${v.name ?? ""}.`);
      secret.value = { section: "apiKeys", label: `API key ${v.name ?? ""}`, value: created.key };
    },

    revokeApiKey: (id: number, name: string) =>
      attempt("apiKeys", async () => {
        await ok(s["api-keys"][":id"].revoke.$post({ param: { id: String(id) } }));
        await changed("apiKeys", `Revoked ${name}.`);
      }),

    showSignature: async (code: string): Promise<void> => {
      signature.value = { code, data: null, error: null };
      try {
        const data = await ok(s.staff[":code"].signature.$get({ param: { code } }));
        if (signature.value?.code === code) signature.value = { code, data, error: null };
      } catch (e) {
        if (signature.value?.code === code) signature.value = { code, data: null, error: e instanceof ApiError ? e.message : String(e) };
      }
    },
    closeSignature: () => void (signature.value = null),
  };
});

export type SettingsPageModel = InstanceType<typeof SettingsModel>;

/**
 * Copies text: the Clipboard API where the browser allows it (HTTPS or localhost), otherwise
 * the old way, selecting the snippet's textarea and copying the selection.
 */
export async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.focus();
    fallback.select();
    return document.execCommand("copy");
  }
}

export const MEASURES = [
  { value: "csat", label: "CSAT (% satisfied)" },
  { value: "ces_easy", label: "CES (% easy)" },
  { value: "ces_mean", label: "CES (mean 1–7)" },
  { value: "csi_index", label: "CSI (index 0–100)" },
  { value: "csi_net", label: "CSI (net sentiment)" },
  { value: "fcr", label: "FCR (% resolved)" },
  { value: "response_rate", label: "Response rate (%)" },
] as const;

export const ROLES = [
  { value: "manager", label: "Manager (own team)" },
  { value: "director", label: "Director (reads everything)" },
  { value: "admin", label: "Administrator (everything)" },
] as const;
