/**
 * How well each candidate sentiment package agrees with the customer's own answer: on the demo
 * data's comments that came with an answered CSI question, per language and per package, the
 * comments scored (a lexicon word was found), their share, and Spearman's rank correlation of the
 * score with the CSI answer (1–5).
 *
 *   npm install --prefix /tmp/sentiment-candidates multilang-sentiment @nlpjs/core \
 *     @nlpjs/sentiment @nlpjs/lang-en @nlpjs/lang-pl @nlpjs/lang-pt @nlpjs/lang-ar natural
 *   SENTIMENT_CANDIDATES=/tmp/sentiment-candidates npx tsx bench/sentiment-agreement.ts [--responses 50000]
 *
 * Candidates are loaded from that scratch folder (they are not the project's dependencies; a
 * package missing there is reported and skipped). "this project" is src/domain/sentiment.ts as
 * it stands. The database is the benchmarks' demo database (bench/dataset.ts), generated once.
 *
 * The demo's comments are assembled from a small bank of phrases per language and tone
 * (src/services/demo/comments.ts), the tone following the CSAT answer: a package is judged on
 * a few dozen distinct phrases per language, many times over, so read the figures as "does it
 * read these phrases the right way round", not as accuracy on real comments. The first row of
 * each language is the demo's own tone, the most any package can reach here.
 *
 * A second table scores sixteen hand-written comments per language that are not in the demo
 * (eight clear praise, eight clear complaints) and counts the signs each package gets right.
 */
import Database from "better-sqlite3";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { LANGUAGES } from "../src/domain/languages";
import { commentSentiment } from "../src/domain/sentiment";
import { CLOSINGS, COMMENT_PIECES } from "../src/services/demo/comments";
import { benchDataset } from "./dataset";

type Scorer = { name: string; languages: readonly string[]; score: (text: string, language: string) => Promise<number | null> | number | null };

const { values } = parseArgs({ options: { responses: { type: "string", default: "50000" } } });
const candidatesDir = process.env.SENTIMENT_CANDIDATES;
const requireCandidate = createRequire(join(candidatesDir ?? process.cwd(), "noop.js"));

function load<T>(name: string): T | null {
  try {
    return requireCandidate(name) as T;
  } catch {
    console.error(`(${name} is not installed${candidatesDir ? ` in ${candidatesDir}` : ": set SENTIMENT_CANDIDATES"}; skipped)`);
    return null;
  }
}

/**
 * The tone the demo wrote the comment in (+1 or −1), found from the phrases it was built from:
 * the ceiling any package can reach here, since the demo takes the tone from the CSAT answer,
 * not from CSI.
 */
function demoTone(text: string, language: string): number | null {
  const bank = COMMENT_PIECES[language as keyof typeof COMMENT_PIECES];
  const closings = CLOSINGS[language as keyof typeof CLOSINGS];
  for (const tone of ["positive", "negative"] as const) {
    const pieces = [...Object.values(bank).flatMap((t) => t[tone] ?? []), ...closings[tone]];
    if (pieces.some((p) => text.includes(p))) return tone === "positive" ? 1 : -1;
  }
  return null;
}

async function candidates(): Promise<Scorer[]> {
  const scorers: Scorer[] = [
    { name: "(the demo's own tone)", languages: LANGUAGES, score: demoTone },
    { name: "this project", languages: LANGUAGES, score: commentSentiment },
  ];

  type MlResult = { score: number; positive: string[]; negative: string[] };
  const ml = load<(text: string, language: string) => MlResult>("multilang-sentiment");
  if (ml) {
    scorers.push({
      name: "multilang-sentiment",
      languages: ["en", "cy", "pl", "pt", "ar"],
      score: (text, language) => {
        const r = ml(text, language);
        return r.positive.length + r.negative.length === 0 ? null : r.score;
      },
    });
  }

  type NlpContainer = { use(plugin: unknown): void };
  type NlpResult = { sentiment: { score: number; numHits: number } };
  const core = load<{ containerBootstrap(): Promise<NlpContainer> }>("@nlpjs/core");
  const nlpSentiment = load<{
    SentimentAnalyzer: new (settings: { container: NlpContainer }) => { process(input: { locale: string; text: string }): Promise<NlpResult> };
  }>("@nlpjs/sentiment");
  if (core && nlpSentiment) {
    const container = await core.containerBootstrap();
    const languages: string[] = [];
    for (const [language, plugin] of [
      ["en", "LangEn"],
      ["pl", "LangPl"],
      ["pt", "LangPt"],
      ["ar", "LangAr"],
    ] as const) {
      const pkg = load<Record<string, unknown>>(`@nlpjs/lang-${language}`);
      if (pkg?.[plugin]) {
        container.use(pkg[plugin]);
        languages.push(language);
      }
    }
    const analyser = new nlpSentiment.SentimentAnalyzer({ container });
    scorers.push({
      name: "@nlpjs/sentiment",
      languages,
      // Only asynchronous: process() returns a promise.
      score: async (text, language) => {
        const { sentiment } = await analyser.process({ locale: language, text });
        return sentiment.numHits === 0 ? null : sentiment.score;
      },
    });
  }

  type Tokenizer = { tokenize(text: string): string[] };
  type Natural = {
    SentimentAnalyzer: new (language: string, stemmer: unknown, vocabulary: string) => { getSentiment(tokens: string[]): number };
    PorterStemmer: unknown;
    PorterStemmerPt: unknown;
    WordTokenizer: new () => Tokenizer;
    AggressiveTokenizerPt: new () => Tokenizer;
  };
  process.env.DOTENV_CONFIG_QUIET = "true"; // natural loads dotenv, which otherwise prints a banner
  const natural = load<Natural>("natural");
  if (natural) {
    const en = { analyser: new natural.SentimentAnalyzer("English", natural.PorterStemmer, "afinn"), tokenizer: new natural.WordTokenizer() };
    const pt = { analyser: new natural.SentimentAnalyzer("Portuguese", natural.PorterStemmerPt, "afinn"), tokenizer: new natural.AggressiveTokenizerPt() };
    scorers.push({
      name: "natural (AFINN)",
      languages: ["en", "pt"],
      // natural returns the mean score over all tokens, so "no lexicon word" and "balanced"
      // both read 0: 0 is counted as not scored.
      score: (text, language) => {
        const { analyser, tokenizer } = language === "pt" ? pt : en;
        const s = analyser.getSentiment(tokenizer.tokenize(text));
        return s === 0 || !Number.isFinite(s) ? null : s;
      },
    });
  }
  return scorers;
}

/** Ranks from 1, ties sharing their mean rank. */
function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

const spearman = (xs: number[], ys: number[]) => pearson(ranks(xs), ranks(ys));

const responses = Number(values.responses);
const { dataDir } = benchDataset(responses);
const db = new Database(join(dataDir, "survey.db"), { readonly: true });
const rows = db.prepare("select comment, language, csi from responses where comment is not null and csi is not null").all() as {
  comment: string;
  language: string;
  csi: number;
}[];
db.close();

/** Clear praise and clear complaints, written for this check, none of them from the demo's bank. */
const HAND_WRITTEN: Record<string, { positive: string[]; negative: string[] }> = {
  cy: {
    positive: [
      "Roedd y gwasanaeth yn wych",
      "Diolch am eich help",
      "Roedd hi'n garedig iawn",
      "Staff hyfryd a chymwynasgar",
      "Profiad da iawn",
      "Cefais help gwych gan y tîm",
      "Hapus iawn gyda'r gwasanaeth",
      "Roedd yr ateb yn gyflym ac yn glir",
    ],
    negative: [
      "Roedd y gwasanaeth yn ofnadwy",
      "Profiad drwg iawn",
      "Dw i'n anhapus iawn",
      "Roedd y staff yn anghwrtais",
      "Roedd yr aros yn rhy hir ac yn rhwystredig",
      "Doedd neb yn barod i helpu",
      "Gwasanaeth siomedig",
      "Ches i ddim help o gwbl",
    ],
  },
  pl: {
    positive: [
      "Bardzo dobra obsługa",
      "Dziękuję za pomoc, wszystko załatwione",
      "Miła i kompetentna pani",
      "Szybko i sprawnie",
      "Jestem bardzo zadowolony",
      "Świetna obsługa",
      "Pracownik był uprzejmy i pomocny",
      "Wszystko było jasne i proste",
    ],
    negative: [
      "Okropna obsługa",
      "Jestem bardzo niezadowolony",
      "Pracownik był niemiły",
      "Nikt mi nie pomógł",
      "Zła informacja i długie czekanie",
      "Strata czasu",
      "Nie polecam",
      "Obsługa była fatalna i powolna",
    ],
  },
  pt: {
    positive: [
      "Muito bom atendimento",
      "Obrigado pela ajuda",
      "A atendente foi muito gentil",
      "Fiquei muito satisfeito",
      "Serviço rápido e eficiente",
      "Ótimo serviço",
      "Resolveram o meu problema com rapidez",
      "Pessoal simpático e prestável",
    ],
    negative: [
      "Atendimento horrível",
      "Fiquei muito insatisfeito",
      "Ninguém me ajudou",
      "O funcionário foi mal-educado",
      "Uma perda de tempo",
      "Serviço lento e mau",
      "Não resolveram nada",
      "Péssima experiência",
    ],
  },
  ar: {
    positive: [
      "خدمة رائعة",
      "شكرا جزيلا على المساعدة",
      "الموظفة كانت لطيفة جدا",
      "أنا راض جدا عن الخدمة",
      "تعامل ممتاز وسريع",
      "تجربة جيدة",
      "حلوا مشكلتي بسرعة",
      "الموظفون محترمون ومتعاونون",
    ],
    negative: ["خدمة سيئة", "أنا غير راض", "الموظف كان غير مهذب", "لم يساعدني أحد", "انتظار طويل ومزعج", "تجربة سيئة جدا", "مضيعة للوقت", "لم يتم حل مشكلتي"],
  },
};

const scorers = await candidates();
console.log(`Comment sentiment against answered CSI: demo data, ${responses} responses, ${rows.length} comments with an answered CSI`);
console.log("");
console.log(["language", "comments", "package", "scored", "share", "Spearman"].map((h, i) => h.padEnd(i === 2 ? 22 : 10)).join(""));
for (const language of LANGUAGES) {
  const own = rows.filter((r) => r.language === language);
  for (const scorer of scorers) {
    if (!scorer.languages.includes(language)) {
      console.log([language, String(own.length), scorer.name, "-", "not covered", ""].map((c, i) => c.padEnd(i === 2 ? 22 : 10)).join(""));
      continue;
    }
    // The demo repeats its phrases, so each distinct text is scored once.
    const cache = new Map<string, number | null>();
    const scores: number[] = [];
    const csi: number[] = [];
    for (const r of own) {
      if (!cache.has(r.comment)) cache.set(r.comment, await scorer.score(r.comment, language));
      const s = cache.get(r.comment)!;
      if (s === null) continue;
      scores.push(s);
      csi.push(r.csi);
    }
    const share = own.length === 0 ? "-" : `${((100 * scores.length) / own.length).toFixed(1)}%`;
    const rho = scores.length < 3 ? "-" : spearman(scores, csi).toFixed(3);
    console.log([language, String(own.length), scorer.name, String(scores.length), share, rho].map((c, i) => c.padEnd(i === 2 ? 22 : 10)).join(""));
  }
}

console.log("");
console.log("Hand-written comments, 8 praising and 8 complaining per language: scored, and of them the sign right / wrong");
console.log("");
console.log(["language", "package", "scored", "right", "wrong"].map((h, i) => h.padEnd(i === 1 ? 22 : 10)).join(""));
for (const [language, { positive, negative }] of Object.entries(HAND_WRITTEN)) {
  for (const scorer of scorers.slice(1)) {
    if (!scorer.languages.includes(language)) {
      console.log([language, scorer.name, "not covered"].map((c, i) => c.padEnd(i === 1 ? 22 : 10)).join(""));
      continue;
    }
    let scored = 0;
    let right = 0;
    let wrong = 0;
    for (const [sign, texts] of [
      [1, positive],
      [-1, negative],
    ] as const) {
      for (const text of texts) {
        const s = await scorer.score(text, language);
        if (s === null) continue;
        scored++;
        if (Math.sign(s) === sign) right++;
        else if (s !== 0) wrong++;
      }
    }
    console.log([language, scorer.name, `${scored}/16`, String(right), String(wrong)].map((c, i) => c.padEnd(i === 1 ? 22 : 10)).join(""));
  }
}
