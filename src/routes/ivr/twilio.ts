import { existsSync } from "node:fs";
import { join } from "node:path";
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { Ctx } from "../../deps";
import type { Language } from "../../domain/languages";
import { DomainError } from "../../errors";
import { advance, MAX_FAILURES, MAX_TURNS, QUESTIONS, stepName } from "../../ivr/flow";
import { goodbyePage, nextPage, unavailablePage, welcomePage, type Voice } from "../../ivr/pages";
import type { RecordedPrompts } from "../../ivr/prompts";
import { renderTwiml } from "../../ivr/twiml";
import { Code, Language as LanguageSchema } from "../../schemas/common";
import { storeRecording, storeTranscription } from "../../services/phone/comment";
import { handleTurn } from "../../services/phone/handle-turn";
import { findSurveyCall, startPhoneSurvey, type SurveyCall } from "../../services/phone/start-call";
import { validate } from "../../validation";
import { verifyTwilio, webhookBodyLimit, type TwilioEnv } from "./verify-twilio";

/** Twilio sends many more fields (To, AccountSid…); only these are read. */
const CallParams = z.looseObject({ CallSid: z.string().regex(/^[A-Za-z0-9]{2,64}$/, "expected a call id") });
/** The caller's number ("anonymous" when withheld): only its keyed hash is kept, for erasure. */
const VoiceParams = CallParams.extend({ From: z.string().max(64).optional() });

const VoiceQuery = z.strictObject({ team: Code.optional(), staff: Code.optional(), service: Code.optional(), lang: LanguageSchema.optional() });
const AnswerQuery = z.strictObject({
  seq: z.coerce.number().int().min(1).max(MAX_TURNS),
  q: z.enum(QUESTIONS),
  f: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_FAILURES - 1),
});
const AnswerParams = CallParams.extend({ Digits: z.string().max(32).optional() });
const RecordedQuery = z.strictObject({
  seq: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_TURNS + 1),
});
const RecordedParams = CallParams.extend({ RecordingUrl: z.url().max(500).optional() });
const TranscriptionParams = CallParams.extend({
  TranscriptionStatus: z.string().max(32).optional(),
  TranscriptionText: z.string().max(20_000).optional(),
  TranscriptionSid: z.string().max(64).optional(),
});

function twiml(c: Context, xml: string) {
  return c.body(xml, 200, { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store" });
}

/** The organisation's recorded prompts, when a file is there; checked per call, so uploads apply at once. */
function recordedPrompts(ctx: Ctx, signedUrl: string): RecordedPrompts {
  return (lang, prompt) =>
    existsSync(join(ctx.config.DATA_DIR, "prompts", lang, `${prompt}.mp3`)) ? new URL(`../prompts/${lang}/${prompt}.mp3`, signedUrl).href : null;
}

/** Action URLs relative to the one Twilio signed: same host, same proxy prefix. */
function voice(ctx: Ctx, signedUrl: string, lang: Language): Voice {
  const at = (path: string) => new URL(path, signedUrl).href;
  return {
    lang,
    org: ctx.config.ORG_NAME,
    recorded: recordedPrompts(ctx, signedUrl),
    links: {
      answer: (t) => at(`answer?seq=${t.seq}&q=${t.question}&f=${t.failures}`),
      recorded: (seq) => at(`recorded?seq=${seq}`),
      transcription: () => at("transcription"),
    },
  };
}

/** TwiML webhooks under /ivr/twilio: every one signed, every answer stored as it is given. */
export function twilioRoutes(ctx: Ctx) {
  /** A webhook for a call that never went through /voice: nothing to ask, end politely. */
  const unknownCall = (c: Context<TwilioEnv>) => twiml(c, goodbyePage(voice(ctx, c.var.twilioUrl, "en")));

  return new Hono<TwilioEnv>()
    .use(webhookBodyLimit, verifyTwilio(ctx))
    .post("/voice", validate("query", VoiceQuery), validate("form", VoiceParams), async (c) => {
      const q = c.req.valid("query");
      const { CallSid, From } = c.req.valid("form");
      let call: SurveyCall;
      try {
        call = await startPhoneSurvey(ctx, { callSid: CallSid, team: q.team, staff: q.staff, service: q.service, language: q.lang, from: From });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        // A misconfigured webhook URL (unknown team) or an unregistered call: the caller hears
        // an apology rather than Twilio's "application error"; the log says why.
        ctx.log.error("phone survey could not start", err.message);
        const lang = q.lang ?? "en";
        return twiml(c, unavailablePage({ lang, org: ctx.config.ORG_NAME, recorded: recordedPrompts(ctx, c.var.twilioUrl) }));
      }
      return twiml(c, welcomePage(voice(ctx, c.var.twilioUrl, call.language), QUESTIONS[0]));
    })
    .post("/answer", validate("query", AnswerQuery), validate("form", AnswerParams), async (c) => {
      const { seq, q, f } = c.req.valid("query");
      const { CallSid, Digits } = c.req.valid("form");
      const call = await findSurveyCall(ctx, CallSid);
      if (!call) return unknownCall(c);
      const { answer, next } = advance({ seq, question: q, failures: f }, Digits ?? "");
      await handleTurn(ctx, call, { callSid: CallSid, seq, answer, step: stepName(next), failures: next.kind === "ask" ? next.failures : 0 });
      return twiml(c, nextPage(voice(ctx, c.var.twilioUrl, call.language), seq, next));
    })
    .post("/recorded", validate("query", RecordedQuery), validate("form", RecordedParams), async (c) => {
      const { seq } = c.req.valid("query");
      const { CallSid, RecordingUrl } = c.req.valid("form");
      const call = await findSurveyCall(ctx, CallSid);
      if (!call) return unknownCall(c);
      await storeRecording(ctx, CallSid, seq, RecordingUrl ?? null);
      return twiml(c, goodbyePage(voice(ctx, c.var.twilioUrl, call.language)));
    })
    .post("/transcription", validate("form", TranscriptionParams), async (c) => {
      const { CallSid, TranscriptionStatus, TranscriptionText, TranscriptionSid } = c.req.valid("form");
      const call = await findSurveyCall(ctx, CallSid);
      // Twilio reads nothing from this answer; an empty document is the polite 200.
      if (call && TranscriptionStatus === "completed") await storeTranscription(ctx, call, CallSid, TranscriptionText ?? "", TranscriptionSid ?? null);
      return twiml(c, renderTwiml([]));
    });
}
