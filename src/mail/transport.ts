/** What the app needs to send an email; main.ts builds the real one (nodemailer). */
export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

export type MailTransport = { send(mail: OutgoingMail): Promise<{ messageId: string }> };
