import { createModel, signal } from "@preact/signals";
import { ApiError, type FieldError } from "../api";

/** The languages theme rules are written in (the server's LANGUAGES; its zod schema refuses others). */
export const RULE_LANGUAGES = [
  { code: "en", name: "English" },
  { code: "cy", name: "Welsh" },
  { code: "pl", name: "Polish" },
  { code: "pt", name: "Portuguese" },
  { code: "ar", name: "Arabic" },
] as const;
export type RuleLanguage = (typeof RULE_LANGUAGES)[number]["code"];

/** A form field's name for one language's rules textarea. */
export const rulesField = (lang: RuleLanguage) => `rules.${lang}`;

/**
 * Theme rules from the form: one word or phrase per line per language, blank lines dropped,
 * languages left empty left out (the server keeps only languages that have rules).
 */
export function rulesFromForm(values: Record<string, string>): Partial<Record<RuleLanguage, string[]>> {
  const out: Partial<Record<RuleLanguage, string[]>> = {};
  for (const { code } of RULE_LANGUAGES) {
    const lines = (values[rulesField(code)] ?? "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== "");
    if (lines.length > 0) out[code] = lines;
  }
  return out;
}

export function rulesToForm(rules: Record<string, readonly string[]>): Record<string, string> {
  return Object.fromEntries(RULE_LANGUAGES.map(({ code }) => [rulesField(code), (rules[code] ?? []).join("\n")]));
}

/**
 * Puts the server's field errors (paths such as "email", "rules.en.3" or "value") next to the
 * form's fields: a path belongs to the field with the longest name it equals or starts with
 * (so "rules.en.3" lands under the English rules, with its line number added). `aliases` lets a
 * field take a path by another name (a target's scope select takes "department" and "team").
 * What matches no field is returned apart, to show above the form.
 */
export function placeFieldErrors(
  errors: readonly FieldError[],
  fieldNames: readonly string[],
  aliases: Record<string, string> = {},
): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const e of errors) {
    const path = aliases[e.path] ?? e.path;
    const name = [...fieldNames].sort((a, b) => b.length - a.length).find((n) => path === n || path.startsWith(`${n}.`));
    if (!name) {
      rest.push(e.path === "(body)" ? e.message : `${e.path}: ${e.message}`);
      continue;
    }
    const index = path.slice(name.length + 1);
    const message = /^\d+$/.test(index) ? `line ${Number(index) + 1}: ${plainMessage(e.message)}` : plainMessage(e.message);
    // An empty field also fails its pattern; "fill this in" says all there is to say.
    if (byField[name] === REQUIRED || byField[name]?.includes(message)) continue;
    byField[name] = message === REQUIRED || !byField[name] ? message : `${byField[name]}; ${message}`;
  }
  return { byField, rest };
}

const REQUIRED = "Fill this in.";

/** zod's default messages, said the way a form should say them. */
export function plainMessage(message: string): string {
  if (/^Too small: expected string to have >=1 characters?$/.test(message)) return REQUIRED;
  let m = /^Too big: expected string to have <=(\d+) characters?$/.exec(message);
  if (m) return `At most ${m[1]} characters.`;
  m = /^Too big: expected array to have <=(\d+) items?$/.exec(message);
  if (m) return `At most ${m[1]} lines.`;
  if (/^Invalid option/.test(message)) return "Choose one of the options.";
  if (/^Invalid input: expected number/.test(message)) return "Enter a number.";
  if (/^Invalid email/.test(message)) return "Enter an email address, like name@example.org.";
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** A target's scope select value ("", "department:CLS", "team:WASTE") as the API's fields. */
export function targetScope(value: string): { department?: string; team?: string } {
  const [kind, code] = value.split(":");
  if (kind === "department" && code) return { department: code };
  if (kind === "team" && code) return { team: code };
  return {};
}

/**
 * A number field. Empty is not zero: it becomes NaN, which JSON sends as null, so the server
 * refuses it by name ("value: expected number") instead of saving a target of 0.
 */
export function numberField(value: string): number {
  const n = Number(value.trim().replace(",", "."));
  return value.trim() === "" || !Number.isFinite(n) ? Number.NaN : n;
}

/**
 * The line above a form when a refusal is all about its fields: "Please correct the fields
 * marked below." (the default), or the server's own sentence, for forms whose refusals say
 * something the fields alone do not ("The review date is in the future.").
 */
export type AboveFields = "correct" | "server";

export type FormOptions<V> = {
  /** Server paths a field takes under another name (a target's scope takes "department" and "team"). */
  aliases?: Record<string, string>;
  aboveFields?: AboveFields;
  /** What the form can refuse before sending (a required choice left empty): an error per field, none if all is well. */
  check?: (values: V) => Record<string, string>;
};

const CORRECT_FIELDS = "Please correct the fields marked below.";

/**
 * Why a submit failed, as a form shows it: the server's field errors under their inputs, and
 * one line above the form (what matched no field, else "correct the fields" or the server's
 * sentence, else the message).
 */
export function submitFailure(
  err: unknown,
  fieldNames: readonly string[],
  aliases: Record<string, string> = {},
  aboveFields: AboveFields = "correct",
): { byField: Record<string, string>; formError: string; first: string | undefined } {
  const placed = err instanceof ApiError ? placeFieldErrors(err.fields, fieldNames, aliases) : { byField: {}, rest: [] };
  const message = err instanceof Error ? err.message : String(err);
  const formError =
    placed.rest.length > 0
      ? `${message} ${placed.rest.join("; ")}`
      : Object.keys(placed.byField).length > 0 && aboveFields === "correct"
        ? CORRECT_FIELDS
        : message;
  return { byField: placed.byField, formError, first: fieldNames.find((f) => placed.byField[f]) };
}

/**
 * The one way a form holds its state: its values, the errors under its fields, the line above
 * it and whether it is being sent. The server validates (a form may refuse what it can tell
 * before sending, with `check`); submit() places what is refused and answers which field to
 * move focus to (the component owns the DOM).
 * `formModel<Values>()` gives the model for one shape of values; `useModel(() => new M(initial, names, options))`.
 */
export function formModel<V extends object>() {
  return createModel((initial: V, fieldNames: readonly string[], options: FormOptions<V> = {}) => {
    const values = signal<V>(initial);
    const errors = signal<Record<string, string>>({});
    const formError = signal<string | null>(null);
    const busy = signal(false);
    return {
      values,
      errors,
      formError,
      busy,
      set: <K extends keyof V>(key: K, value: V[K]) => void (values.value = { ...values.value, [key]: value }),
      /** Sends the values; on a refusal, the field to focus (undefined: the line above the form). */
      submit: async (send: (v: V) => Promise<unknown>): Promise<{ sent: true } | { sent: false; first: string | undefined }> => {
        const refused = options.check?.(values.value) ?? {};
        if (Object.keys(refused).length > 0) {
          errors.value = refused;
          formError.value = CORRECT_FIELDS;
          return { sent: false, first: fieldNames.find((f) => refused[f]) };
        }
        busy.value = true;
        errors.value = {};
        formError.value = null;
        try {
          await send(values.value);
          return { sent: true };
        } catch (err) {
          const failed = submitFailure(err, fieldNames, options.aliases, options.aboveFields);
          errors.value = failed.byField;
          formError.value = failed.formError;
          return { sent: false, first: failed.first };
        } finally {
          busy.value = false;
        }
      },
    };
  });
}
