import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dkimVerify } from "mailauth/lib/dkim/verify";
import { afterEach, describe, expect, test } from "vitest";
import { ConfigError } from "../../src/config";
import { silentLogger } from "../../src/deps";
import { createMailTransport, dkimSettings, smtpTransport } from "../../src/mail/nodemailer-transport";
import type { MailTransport } from "../../src/mail/transport";
import { startSmtp, type SmtpFixture } from "./smtp-server";

const DOMAIN = "council.example";
const SELECTOR = "feedback2026";
const FROM = `Customer Feedback <feedback@${DOMAIN}>`;

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const privatePem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
/** The TXT record an operator publishes at <selector>._domainkey.<domain>. */
const txtRecord = `v=DKIM1; k=rsa; p=${publicKey.export({ type: "spki", format: "der" }).toString("base64")}`;

/** DNS as the recipient's server sees it: only our selector's record exists. */
const resolver = async (name: string, type: string) => {
  if (type === "TXT" && name === `${SELECTOR}._domainkey.${DOMAIN}`) return [[txtRecord]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: "ENOTFOUND" });
};

const mail = { to: "resident@example.org", subject: "How did we do?", text: "Tell us in one click.", html: "<p>Tell us in one click.</p>" };

let smtp: SmtpFixture | undefined;
let transport: MailTransport | undefined;
afterEach(async () => {
  transport?.close?.();
  await smtp?.stop();
  smtp = transport = undefined;
});

describe("DKIM signing", () => {
  test("with the key as PEM text, mail through SMTP carries a DKIM-Signature that verifies", async () => {
    smtp = await startSmtp();
    transport = smtpTransport(smtp.url, FROM, dkimSettings({ DKIM_DOMAIN: DOMAIN, DKIM_SELECTOR: SELECTOR, DKIM_PRIVATE_KEY: privatePem }));
    await transport.send(mail);
    const [received] = smtp.received;
    expect(received!.parsed.headers.get("dkim-signature")).toBeTruthy();
    const { results } = await dkimVerify(received!.raw, { resolver });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ signingDomain: DOMAIN, selector: SELECTOR, status: { result: "pass" } });

    // The verifier really checks: a changed body fails.
    const tampered = received!.raw.replace("Tell us in one click.", "Tell us in two clicks.");
    const broken = (await dkimVerify(tampered, { resolver })).results[0]!.status;
    expect(broken.result).not.toBe("pass");
    expect(broken.comment).toMatch(/body hash/);
  });

  test("with the key in a file, as the server configures it from the environment", async () => {
    smtp = await startSmtp();
    const keyFile = join(mkdtempSync(join(tmpdir(), "dkim-")), "dkim.pem");
    writeFileSync(keyFile, privatePem, { mode: 0o600 });
    transport = createMailTransport(
      { SMTP_URL: smtp.url, MAIL_FROM: FROM, DATA_DIR: tmpdir(), DKIM_DOMAIN: DOMAIN, DKIM_SELECTOR: SELECTOR, DKIM_PRIVATE_KEY: keyFile },
      silentLogger,
    );
    await transport.send(mail);
    const { results } = await dkimVerify(smtp.received[0]!.raw, { resolver });
    expect(results[0]!.status.result).toBe("pass");
  });

  test("without the settings nothing is signed; half of them, or a bad key, stop start-up", async () => {
    smtp = await startSmtp();
    transport = createMailTransport({ SMTP_URL: smtp.url, MAIL_FROM: FROM, DATA_DIR: tmpdir() }, silentLogger);
    await transport.send(mail);
    expect(smtp.received[0]!.parsed.headers.has("dkim-signature")).toBe(false);

    expect(() => dkimSettings({ DKIM_DOMAIN: DOMAIN, DKIM_SELECTOR: SELECTOR })).toThrow(ConfigError);
    expect(() => dkimSettings({ DKIM_DOMAIN: DOMAIN, DKIM_SELECTOR: SELECTOR })).toThrow(/DKIM_PRIVATE_KEY/);
    expect(() => dkimSettings({ DKIM_DOMAIN: DOMAIN, DKIM_SELECTOR: SELECTOR, DKIM_PRIVATE_KEY: "/no/such/key.pem" })).toThrow(/DKIM_PRIVATE_KEY/);
    expect(() =>
      dkimSettings({ DKIM_DOMAIN: DOMAIN, DKIM_SELECTOR: SELECTOR, DKIM_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----" }),
    ).toThrow(/not a private key/);
    // One line in an environment variable, with \n for the line breaks.
    expect(dkimSettings({ DKIM_DOMAIN: DOMAIN, DKIM_SELECTOR: SELECTOR, DKIM_PRIVATE_KEY: privatePem.replace(/\n/g, "\\n") })?.privateKey).toBe(privatePem);
  });
});
