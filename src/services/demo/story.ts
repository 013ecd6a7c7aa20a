/**
 * What the demonstration figures say, as pure functions of the seeded random source: how many
 * contacts each team gets in a month, how likely a channel is to be answered, and how satisfied
 * a customer is, so the charts have something to show:
 *   - Council Tax contacts double in March and April (annual bills) and satisfaction drops,
 *     with waiting-time comments;
 *   - waste collections slip over Christmas and New Year;
 *   - Benefits Assessment improves all year; Highways declines after a new online portal;
 *   - Libraries and the Customer Service Centre do well; Housing Repairs struggles with
 *     timeliness and complaints; web chat is easiest, letters hardest.
 */
import type { Fcr } from "../../domain/measures";
import type { Channel } from "../../schemas/common";
import type { DemoThemeCode, Tone } from "./comments";
import type { DemoServiceCode, DemoTeam } from "./organisation";
import { clamp, gaussian, type Random } from "./random";

/** Month is 1–12; progress is 0 at the start of the demo year and 1 at its end. */
export type Moment = { month: number; progress: number; weekday: number };

export const RESPONSE_RATE: Record<Channel, number> = {
  email: 0.22,
  web_chat: 0.24,
  phone: 0.16,
  face_to_face: 0.11,
  letter: 0.1,
};

const WEEKDAY_VOLUME = [0.05, 1.25, 1.1, 1, 1, 0.85, 0.15]; // Sunday first, as getUTCDay()

const isBillingSeason = (month: number) => month === 3 || month === 4;
const isChristmas = (month: number) => month === 12 || month === 1;

/** A team's relative number of contacts in a month. */
export function teamVolume(team: DemoTeam, month: number): number {
  let v = team.volume;
  if (isBillingSeason(month) && (team.services["council-tax"] ?? 0) > 0.5 * totalWeight(team.services)) v *= 1.9;
  if (team.code === "WASTE" && isChristmas(month)) v *= 1.4;
  if (team.code === "HIGHWAYS" && (month === 1 || month === 2)) v *= 1.3;
  if (team.code === "LIBRARIES" && (month === 7 || month === 8)) v *= 1.3;
  return v;
}

export function dayVolume(weekday: number): number {
  return WEEKDAY_VOLUME[weekday] ?? 1;
}

function totalWeight(weights: Partial<Record<string, number>>): number {
  return Object.values(weights).reduce<number>((a, b) => a + (b ?? 0), 0);
}

const CHANNEL_EFFECT: Record<Channel, number> = { web_chat: 0.03, face_to_face: 0.04, email: 0, phone: -0.01, letter: -0.06 };

/** The customer's underlying satisfaction, 0–1, before the noise of any one answer. */
export function expectedSatisfaction(team: DemoTeam, staffEffect: number, service: DemoServiceCode, channel: Channel, at: Moment): number {
  let q = team.quality + team.trend * at.progress + staffEffect + CHANNEL_EFFECT[channel];
  if (service === "council-tax" && isBillingSeason(at.month)) q -= 0.13;
  if (service === "waste" && isChristmas(at.month)) q -= 0.09;
  return q;
}

export type DemoAnswers = { csat: number | null; ces: number | null; csi: number | null; fcr: Fcr | null };

const toScale = (u: number, max: number) => clamp(Math.round(1 + u * (max - 1)), 1, max);

/** One customer's answers; each question may be skipped, as on every real channel. */
export function answersFor(random: Random, expected: number, channel: Channel): DemoAnswers {
  const felt = expected + gaussian(random, 0, 0.22);
  const ease = 0.7 * felt + 0.3 * (expected + gaussian(random, 0, 0.22)) + (channel === "web_chat" ? 0.05 : channel === "letter" ? -0.08 : 0);
  const mood = 0.6 * felt + 0.4 * (expected + gaussian(random, 0, 0.22));
  const resolved = felt + gaussian(random, 0, 0.15);
  const answers: DemoAnswers = {
    csat: random() < 0.96 ? toScale(clamp(felt + 0.06, 0, 1), 5) : null,
    ces: random() < 0.86 ? toScale(clamp(ease, 0, 1), 7) : null,
    csi: random() < 0.8 ? toScale(clamp(mood + 0.03, 0, 1), 5) : null,
    fcr: random() < 0.85 ? (resolved > 0.58 ? "yes" : resolved > 0.42 ? "partly" : "no") : null,
  };
  if (answers.csat === null && answers.ces === null && answers.csi === null && answers.fcr === null) {
    answers.csat = toScale(clamp(felt, 0, 1), 5);
  }
  return answers;
}

/** Unhappy customers write more often. */
export function commentProbability(answers: DemoAnswers): number {
  return answers.csat !== null && answers.csat <= 2 ? 0.5 : 0.28;
}

export function toneOf(answers: DemoAnswers, random: Random): Tone {
  if (answers.csat === null || answers.csat === 3) return random() < 0.5 ? "positive" : "negative";
  return answers.csat >= 4 ? "positive" : "negative";
}

const BASE_WEIGHTS: Record<Tone, Record<DemoThemeCode, number>> = {
  positive: {
    staff_attitude: 5,
    quality_of_service: 3,
    timeliness: 2,
    waiting_time: 1.5,
    customer_feeling: 1.5,
    online_services: 1,
    consistency_of_information: 0.7,
    complaint_handling: 0.3,
    accessibility: 0.4,
  },
  negative: {
    waiting_time: 3,
    timeliness: 2.5,
    staff_attitude: 1.2,
    consistency_of_information: 1.5,
    customer_feeling: 1.5,
    quality_of_service: 1.5,
    online_services: 1.5,
    complaint_handling: 1,
    accessibility: 0.5,
  },
};

/** How likely each theme is to come up in this contact's comment. */
export function themeWeights(tone: Tone, team: DemoTeam, service: DemoServiceCode, channel: Channel, at: Moment): Record<DemoThemeCode, number> {
  const w = { ...BASE_WEIGHTS[tone] };
  if (channel === "phone") w.waiting_time *= 2;
  if (channel === "web_chat") w.online_services *= 2;
  if (channel === "face_to_face") (w.accessibility *= 2), (w.waiting_time *= 1.5);
  if (channel === "letter") (w.timeliness *= 2), (w.consistency_of_information *= 1.5);
  if (tone === "negative") {
    if (service === "council-tax" && isBillingSeason(at.month)) (w.waiting_time *= 3), (w.timeliness *= 1.5);
    if (service === "waste" && isChristmas(at.month)) w.timeliness *= 2.5;
    if (team.code === "HIGHWAYS") w.online_services *= 1 + 4 * at.progress;
    if (team.code === "BENEFITS") w.consistency_of_information *= 1 + 3 * (1 - at.progress);
    if (team.code === "HOUSING-REPAIRS") (w.timeliness *= 2), (w.complaint_handling *= 2.5);
  }
  return w;
}
