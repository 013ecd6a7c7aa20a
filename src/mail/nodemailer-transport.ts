import { createPrivateKey } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import { ConfigError, type Config } from "../config";
import type { Logger } from "../deps";
import type { MailTransport, OutgoingMail } from "./transport";

/**
 * The real transports, both built on nodemailer so a message written to the folder is byte
 * for byte what SMTP would have carried: SMTP when SMTP_URL is set, otherwise .eml files in
 * <DATA_DIR>/outbox-mail/ with a log line, so nothing is ever silently dropped.
 */
export function createMailTransport(
  config: Pick<Config, "SMTP_URL" | "MAIL_FROM" | "DATA_DIR"> & Partial<Pick<Config, "DKIM_DOMAIN" | "DKIM_SELECTOR" | "DKIM_PRIVATE_KEY">>,
  log: Logger,
): MailTransport {
  const dkim = dkimSettings(config);
  return config.SMTP_URL
    ? smtpTransport(config.SMTP_URL, config.MAIL_FROM, dkim)
    : folderTransport(join(config.DATA_DIR, "outbox-mail"), config.MAIL_FROM, log, dkim);
}

/** What nodemailer needs to sign every message it builds (a DKIM-Signature header, rsa-sha256 or ed25519). */
export type DkimSettings = { domainName: string; keySelector: string; privateKey: string };

const DKIM_NAMES = ["DKIM_DOMAIN", "DKIM_SELECTOR", "DKIM_PRIVATE_KEY"] as const;

/**
 * DKIM from the three settings, or none when none is set. Half a setting, or a key that cannot
 * be read, stops start-up: mail that silently goes out unsigned would be found only when
 * recipients' filters start to reject it.
 */
export function dkimSettings(config: Partial<Pick<Config, (typeof DKIM_NAMES)[number]>>): DkimSettings | undefined {
  const missing = DKIM_NAMES.filter((k) => !config[k]);
  if (missing.length === DKIM_NAMES.length) return undefined;
  if (missing.length > 0)
    throw new ConfigError(`Invalid configuration:\n  ${missing.join(", ")}: required for DKIM signing (set all of ${DKIM_NAMES.join(", ")}, or none)`);
  const given = config.DKIM_PRIVATE_KEY!;
  // PEM text, or the path of a PEM file (easier to keep out of the environment and off the process list).
  const isPem = given.includes("-----BEGIN");
  if (!isPem && !existsSync(given)) throw new ConfigError(`Invalid configuration:\n  DKIM_PRIVATE_KEY: neither a PEM key nor an existing file (${given})`);
  const privateKey = isPem ? given.replace(/\\n/g, "\n") : readFileSync(given, "utf8");
  try {
    createPrivateKey(privateKey);
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  DKIM_PRIVATE_KEY: not a private key (${err instanceof Error ? err.message : String(err)})`);
  }
  return { domainName: config.DKIM_DOMAIN!, keySelector: config.DKIM_SELECTOR!, privateKey };
}

export function smtpTransport(url: string, from: string, dkim?: DkimSettings): MailTransport {
  // A small pool reuses the connection (about 8× faster than one connection per email);
  // short timeouts stop a hung server from stalling the outbox, which retries later.
  const transporter = createTransport(
    { url, pool: true, maxConnections: 2, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000, dkim },
    { from },
  );
  return {
    async send(mail: OutgoingMail) {
      const info = await transporter.sendMail({ from, ...mail });
      return { messageId: info.messageId };
    },
    close() {
      transporter.close();
    },
  };
}

export function folderTransport(dir: string, from: string, log: Logger, dkim?: DkimSettings): MailTransport {
  const transporter = createTransport({ streamTransport: true, buffer: true, newline: "unix", dkim });
  let seq = 0;
  return {
    async send(mail: OutgoingMail) {
      const info = await transporter.sendMail({ from, ...mail });
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}-${++seq}.eml`);
      writeFileSync(file, info.message as Buffer);
      // The file name and subject only: addresses never go into logs.
      log.info("email written to folder (no SMTP_URL configured)", { file, subject: mail.subject });
      return { messageId: info.messageId };
    },
  };
}
