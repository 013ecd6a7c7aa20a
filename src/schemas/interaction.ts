import { z } from "zod";
import { Channel, Code, Language, Timestamp } from "./common";

export const CustomerContact = z.strictObject({
  /**
   * The integrating system's own id for the customer (a CRM key): only its keyed hash is kept,
   * to recognise the same customer's repeat contacts. Preferred to email and phone for that.
   */
  key: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("The CRM's id for the customer. Only a keyed hash of it is kept, to recognise repeat contacts; when absent, the email (else the phone) serves"),
  email: z.email().max(254).optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()-]{7,20}$/, "expected a telephone number")
    .optional(),
  /** The integrating system's word that this customer may be sent a survey invitation. */
  mayContact: z.boolean().default(false),
});

export const InteractionInput = z.strictObject({
  channel: Channel,
  team: Code,
  staff: Code.optional(),
  service: Code.optional(),
  occurredAt: Timestamp,
  externalRef: z.string().min(1).max(200).optional(),
  customer: CustomerContact.optional(),
  language: Language.default("en"),
});
export type InteractionInput = z.infer<typeof InteractionInput>;

/**
 * Validated as a whole, so the OpenAPI document shows the item schema and a bad item's fields
 * are named with its index: "interactions.3.occurredAt".
 */
export const InteractionBatchInput = z.strictObject({
  interactions: z.array(InteractionInput).min(1).max(1000),
});

export const InteractionCreated = z.object({
  id: z.number().int(),
  surveyUrl: z.url(),
  ratingUrls: z.array(z.url()).length(5),
  existing: z.boolean(),
});
export type InteractionCreated = z.infer<typeof InteractionCreated>;
