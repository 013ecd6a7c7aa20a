import { eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { customerContacts, emailAddressState, type emailOutbox, interactions, responses, surveyTokens } from "../../db/schema";
import { isLanguage } from "../../domain/languages";
import { invitationMail } from "../../mail/templates/invitation";
import type { OutgoingMail } from "../../mail/transport";
import { surveyLinks, tokenFromNonce } from "../tokens";
import { addressHash, unsubscribeId } from "./address";

export type OutboxRow = typeof emailOutbox.$inferSelect;

export type Composed =
  | { send: true; mail: OutgoingMail; addressHash: string }
  | { send: false; reason: "no_address" | "opted_out" | "answered" | "expired" | "unknown_interaction" };

/**
 * Decides whether an outbox row is still worth sending and, if so, builds the message: the
 * invitation template in the interaction's language, the survey links from its token, and
 * RFC 8058 one-click unsubscribe headers next to the opt-out link in the body.
 */
export async function composeOutboxMail(ctx: Ctx, row: OutboxRow, now: number): Promise<Composed> {
  const { config } = ctx;
  const db = ctx.db.read;
  const id = row.interactionId;
  const [[interaction], [token], [contact], [answered]] = await Promise.all([
    db.select({ language: interactions.language }).from(interactions).where(eq(interactions.id, id)),
    db.select({ nonce: surveyTokens.nonce, expiresAt: surveyTokens.expiresAt }).from(surveyTokens).where(eq(surveyTokens.interactionId, id)),
    db.select({ email: customerContacts.email, mayContact: customerContacts.mayContact }).from(customerContacts).where(eq(customerContacts.interactionId, id)),
    db.select({ id: responses.id }).from(responses).where(eq(responses.interactionId, id)),
  ]);
  if (!interaction || !token) return { send: false, reason: "unknown_interaction" };
  if (!contact?.email || !contact.mayContact) return { send: false, reason: "no_address" };
  const hash = addressHash(contact.email, config.TOKEN_PEPPER);
  const [state] = await db.select({ optedOutAt: emailAddressState.optedOutAt }).from(emailAddressState).where(eq(emailAddressState.addressHash, hash));
  if (state?.optedOutAt != null) return { send: false, reason: "opted_out" };
  if (token.expiresAt <= now) return { send: false, reason: "expired" };
  if (answered) return { send: false, reason: "answered" };

  const base = config.PUBLIC_BASE_URL;
  const { surveyUrl } = surveyLinks(base, tokenFromNonce(token.nonce, config.TOKEN_PEPPER));
  const unsubscribeUrl = `${base}/unsubscribe/${unsubscribeId(hash, config.SESSION_SECRET)}`;
  const rendered = invitationMail({
    kind: row.kind === "reminder" ? "reminder" : "invitation",
    lang: isLanguage(interaction.language) ? interaction.language : "en",
    orgName: config.ORG_NAME,
    logoUrl: config.ORG_LOGO_URL,
    baseUrl: base,
    surveyUrl,
    unsubscribeUrl,
  });
  return {
    send: true,
    addressHash: hash,
    mail: {
      to: contact.email,
      ...rendered,
      headers: {
        "List-Unsubscribe": `<${unsubscribeUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        // Asks Exchange not to send out-of-office replies to a survey invitation.
        "X-Auto-Response-Suppress": "OOF, AutoReply",
      },
    },
  };
}
