/** What the app needs to send an email; main.ts builds the real one (nodemailer). */
export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

export type MailTransport = {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  /** Closes pooled connections (on shutdown). */
  close?(): void;
};

/**
 * True when the mail server refused the message for good (an SMTP 5xx reply, such as an
 * unknown recipient): trying again cannot help, so the outbox marks it failed at once and
 * moves on instead of holding up the queue. Connection errors and 4xx replies are retried.
 */
export function isPermanentMailError(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** A short description of a send error for the outbox's last_error, without any address. */
export function describeMailError(err: unknown): string {
  if (typeof err !== "object" || err === null) return String(err).slice(0, 300);
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown };
  const parts = [e.code, e.responseCode].filter((x) => x !== undefined).map(String);
  const message = String(e.message ?? "")
    .replace(/[^\s<>@]+@[^\s<>@]+/g, "<address>")
    .slice(0, 240);
  return [parts.join(" "), message].filter(Boolean).join(": ");
}
