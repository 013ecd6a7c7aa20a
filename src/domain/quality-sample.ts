/**
 * The monthly quality sample: which month is due, and which interactions and closed cases are
 * drawn. Pure: the service reads the month's population, calls drawSample and stores the result.
 *
 * Reproducible: the draw depends only on the population (as sets of ids, in whatever order they
 * were read) and the seed string, which is stored with the sample. The seed is the month plus
 * random hex chosen when the sample is drawn, so nobody can work out in advance which contacts
 * will be picked, and anyone can later redraw from the stored seed and get the same sample.
 */
import { workingDayOnOrAfter, type WorkingDayCalendar } from "./working-days";

/** The month (YYYY-MM) of a local date (YYYY-MM-DD). */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The month before, across a year's end. */
export function monthBefore(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

export function monthAfter(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The local dates a month covers: its first day and the first day of the next (exclusive). */
export function monthDays(month: string): { first: string; next: string } {
  return { first: `${month}-01`, next: `${monthAfter(month)}-01` };
}

/** The first working day of a month in the organisation's calendar (New Year's Day, a Monday bank holiday…). */
export function firstWorkingDayOf(month: string, calendar: WorkingDayCalendar): string {
  return workingDayOnOrAfter(`${month}-01`, calendar);
}

/**
 * The month whose sample is due on `today` (a local date): the previous month, from the first
 * working day of this month on. Before that day nothing is due: last month's sample is drawn when
 * the organisation is back at work, after late registrations of the month's last contacts.
 * On later days of the month it stays due, so a server that was down on the day catches up.
 */
export function sampleDueOn(today: string, calendar: WorkingDayCalendar): string | null {
  const month = monthOf(today);
  return today >= firstWorkingDayOf(month, calendar) ? monthBefore(month) : null;
}

/** The seed stored with a sample: the month, and random hex the service chooses when drawing. */
export function sampleSeed(month: string, randomHex: string): string {
  return `${month}:${randomHex}`;
}

// ---- A seeded pseudo-random generator ----

export type Random = () => number;

/**
 * cyrb128: a string to 128 bits, so every character of the seed matters. Not a cryptographic
 * hash: the unpredictability is in the random part of the seed, not in this mixing.
 */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 seeded from a string: the same string, the same sequence, on every machine. */
export function seededRandom(seed: string): Random {
  let [a, b, c, d] = hash128(seed);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of sfc32 still echo the seed; discard them.
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** A uniformly random index below n. */
const below = (random: Random, n: number) => Math.floor(random() * n);

/** Fisher–Yates, in place. */
function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = below(random, i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Takes `k` items without replacement (a partial Fisher–Yates), in the order drawn. */
function takeRandom<T>(random: Random, items: T[], k: number): T[] {
  const n = Math.min(k, items.length);
  for (let i = 0; i < n; i++) {
    const j = i + below(random, items.length - i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items.slice(0, n);
}

// ---- The draw ----

/** A contact by a known staff member in the month. */
export type InteractionCandidate = { interactionId: number; staffId: number; channel: string };
/** A follow-up case closed in the month, with its team's department. */
export type CaseCandidate = { caseId: number; departmentId: number };

export type SampleSizes = { perStaff: number; casesPerDepartment: number };

/** Groups by a numeric key, keys ascending, each group sorted by `id`: the canonical order the draw starts from. */
function groupSorted<T>(items: readonly T[], key: (t: T) => number, id: (t: T) => number): [number, T[]][] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(item);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([k, g]) => [k, g.sort((x, y) => id(x) - id(y))]);
}

/**
 * Up to `perStaff` contacts of one staff member, spread across their channels: the channels in a
 * random order, one contact of each in turn (drawn at random within the channel), and round
 * again only when every channel has given one. Fewer when they had fewer contacts.
 */
function drawForStaff(random: Random, contacts: InteractionCandidate[], perStaff: number): InteractionCandidate[] {
  const byChannel = new Map<string, InteractionCandidate[]>();
  for (const c of contacts) {
    let list = byChannel.get(c.channel);
    if (!list) byChannel.set(c.channel, (list = []));
    list.push(c);
  }
  const channels = shuffle(random, [...byChannel.keys()].sort());
  // Each channel's contacts, drawn without replacement as they are needed.
  const remaining = channels.map((ch) => byChannel.get(ch)!);
  const taken = remaining.map(() => 0);
  const picked: InteractionCandidate[] = [];
  while (picked.length < perStaff) {
    let progressed = false;
    for (let i = 0; i < channels.length && picked.length < perStaff; i++) {
      const list = remaining[i]!;
      const t = taken[i]!;
      if (t >= list.length) continue;
      const j = t + below(random, list.length - t);
      [list[t], list[j]] = [list[j]!, list[t]!];
      picked.push(list[t]!);
      taken[i] = t + 1;
      progressed = true;
    }
    if (!progressed) break;
  }
  return picked;
}

/**
 * The month's sample: `perStaff` contacts for each staff member with at least one contact, and
 * `casesPerDepartment` closed cases per department. Each staff member and each department draws
 * from a generator of its own (the seed plus its id), so one person's contacts, or a department
 * with no cases, cannot change anyone else's sample.
 */
export function drawSample(
  population: { interactions: readonly InteractionCandidate[]; cases: readonly CaseCandidate[] },
  sizes: SampleSizes,
  seed: string,
): { interactions: InteractionCandidate[]; cases: CaseCandidate[] } {
  const interactions = groupSorted(
    population.interactions,
    (c) => c.staffId,
    (c) => c.interactionId,
  ).flatMap(([staffId, contacts]) => drawForStaff(seededRandom(`${seed}|staff|${staffId}`), [...contacts], sizes.perStaff));
  const cases = groupSorted(
    population.cases,
    (c) => c.departmentId,
    (c) => c.caseId,
  ).flatMap(([departmentId, closed]) => takeRandom(seededRandom(`${seed}|department|${departmentId}`), [...closed], sizes.casesPerDepartment));
  return { interactions, cases };
}
