/**
 * The platform's words, each defined once: the zod schemas, the drizzle schema, the survey
 * page, the phone flow, the import, the export and the dashboard import them from here. (The
 * measures' own words are in measure-registry.ts, periods in periods.ts, follow-up case
 * statuses in cases.ts, FCR answers in measures.ts.)
 */

/** How the customer contacted us. */
export const CHANNELS = ["phone", "email", "face_to_face", "web_chat", "letter"] as const;
export type Channel = (typeof CHANNELS)[number];

/** Each channel as people say it. */
export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = {
  phone: "Phone",
  email: "Email",
  face_to_face: "Face to face",
  web_chat: "Web chat",
  letter: "Letter",
};

/** A channel's name, or the code itself for one this version does not know. */
export function channelName(code: string): string {
  return (CHANNEL_NAMES as Record<string, string>)[code] ?? code;
}

/**
 * Where an interaction came from: an integrating system through the API, a face of a staff
 * member's signature strip, a phone call that reached the keypad survey (Twilio, or other
 * telephony through the API), the CSV import of history, or the demo generator.
 */
export const INTERACTION_SOURCES = ["api", "signature", "ivr", "phone_api", "import", "demo"] as const;
export type InteractionSource = (typeof INTERACTION_SOURCES)[number];

/**
 * How an answer was given: on the hosted survey page ("form", whatever brought the customer
 * there), or by the same route the interaction came (a signature face confirmed, the keypad,
 * the phone API, the import, the demo). An API interaction is only ever answered on the form.
 */
export const ANSWER_SOURCES = ["form", ...INTERACTION_SOURCES.filter((s): s is Exclude<InteractionSource, "api"> => s !== "api")] as const;
export type AnswerSource = "form" | Exclude<InteractionSource, "api">;

/** How a comment reads, for the comments filter: sentiment above 0, exactly 0, below 0. */
export const SENTIMENTS = ["positive", "neutral", "negative"] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** What the Trends page can split its lines by. */
export const TREND_SPLITS = ["department", "team", "service", "channel"] as const;
export type TrendSplit = (typeof TREND_SPLITS)[number];
