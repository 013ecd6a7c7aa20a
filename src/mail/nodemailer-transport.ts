import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import type { Config } from "../config";
import type { Logger } from "../deps";
import type { MailTransport, OutgoingMail } from "./transport";

/**
 * The real transports, both built on nodemailer so a message written to the folder is byte
 * for byte what SMTP would have carried: SMTP when SMTP_URL is set, otherwise .eml files in
 * <DATA_DIR>/outbox-mail/ with a log line, so nothing is ever silently dropped.
 */
export function createMailTransport(config: Pick<Config, "SMTP_URL" | "MAIL_FROM" | "DATA_DIR">, log: Logger): MailTransport {
  return config.SMTP_URL ? smtpTransport(config.SMTP_URL, config.MAIL_FROM) : folderTransport(join(config.DATA_DIR, "outbox-mail"), config.MAIL_FROM, log);
}

export function smtpTransport(url: string, from: string): MailTransport {
  // A small pool reuses the connection (about 8× faster than one connection per email);
  // short timeouts stop a hung server from stalling the outbox, which retries later.
  const transporter = createTransport({ url, pool: true, maxConnections: 2, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 }, { from });
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

export function folderTransport(dir: string, from: string, log: Logger): MailTransport {
  const transporter = createTransport({ streamTransport: true, buffer: true, newline: "unix" });
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
