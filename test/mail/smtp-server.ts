import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Received = { raw: string; parsed: ParsedMail; rcpt: string[] };

/**
 * A real SMTP server on loopback (smtp-server), keeping every message it accepts. `reject`
 * answers 550 for matching recipients, as a server does for an unknown mailbox. It can be
 * stopped and started again on the same port to play an outage.
 */
export async function startSmtp(options: { reject?: RegExp; port?: number } = {}) {
  const received: Received[] = [];
  const make = () =>
    new SMTPServer({
      disabledCommands: ["STARTTLS", "AUTH"],
      authOptional: true,
      logger: false,
      // A stop drops open (pooled) client connections quickly, as a server going down does.
      closeTimeout: 50,
      onRcptTo(address, _session, callback) {
        if (options.reject?.test(address.address)) {
          const err = new Error("5.1.1 No such mailbox") as Error & { responseCode: number };
          err.responseCode = 550;
          return callback(err);
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          simpleParser(raw)
            .then((parsed) => {
              received.push({ raw, parsed, rcpt: session.envelope.rcptTo.map((r) => r.address) });
              callback();
            })
            .catch(callback);
        });
      },
    });
  let server = make();
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port));
    });
  const port = await listen(options.port ?? 0);
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async restart() {
      server = make();
      await listen(port);
    },
  };
}
export type SmtpFixture = Awaited<ReturnType<typeof startSmtp>>;
