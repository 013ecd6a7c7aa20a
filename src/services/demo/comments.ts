/**
 * Pieces of customer comments for the demonstration data, per language, theme and tone. Each
 * piece uses words of its theme's default rules (default-themes.ts), so the themes the real
 * matcher finds in the generated comments are the ones the story put there; a test checks it.
 */
import type { Language } from "../../domain/languages";

export type Tone = "positive" | "negative";
export type DemoThemeCode =
  | "waiting_time"
  | "staff_attitude"
  | "online_services"
  | "consistency_of_information"
  | "customer_feeling"
  | "quality_of_service"
  | "timeliness"
  | "complaint_handling"
  | "accessibility";

type Bank = Partial<Record<DemoThemeCode, Partial<Record<Tone, string[]>>>>;

export const COMMENT_PIECES: Record<Language, Bank> = {
  en: {
    waiting_time: {
      positive: ["No queue at all when I came in", "The wait on the phone was much shorter than I expected", "Hardly any waiting before someone answered"],
      negative: [
        "I was kept on hold for over forty minutes",
        "Waited ages in the queue before anyone answered",
        "Couldn't get through for two days, the line was always engaged",
      ],
    },
    staff_attitude: {
      positive: ["The adviser was really friendly and helpful", "Very polite and patient with me", "Lovely lady on the phone, so kind"],
      negative: ["The person I spoke to was rude and dismissive", "Staff were unhelpful and quite condescending", "He was abrupt and hung up on me"],
    },
    online_services: {
      positive: ["Managed to do it all on the website in minutes", "The new app makes reporting things simple", "The online form was easy to fill in"],
      negative: [
        "The website kept crashing when I tried to pay",
        "Couldn't log in to my account and the password reset link is broken",
        "The online form lost everything I typed",
      ],
    },
    consistency_of_information: {
      positive: ["Everyone I spoke to gave me the same answer", "Clear and consistent advice from start to finish"],
      negative: [
        "I was given different advice every time I called",
        "Conflicting information from two departments",
        "Wrong information in the letter, then told something different on the phone",
      ],
    },
    customer_feeling: {
      positive: ["I felt listened to and reassured", "Made me feel valued, not just a number"],
      negative: ["I felt ignored and fobbed off", "Left me really frustrated and upset"],
    },
    quality_of_service: {
      positive: ["Excellent service, everything sorted in one call", "Very knowledgeable and professional"],
      negative: ["Poor service from start to finish", "Honestly a shambles"],
    },
    timeliness: {
      positive: ["Called back the same day as promised", "Dealt with really quickly"],
      negative: ["I was promised a call back and it never came", "It took weeks to get anything done", "Three weeks on and no reply to my email"],
    },
    complaint_handling: {
      positive: ["My complaint was handled fairly and they apologised", "The supervisor dealt with my complaint properly"],
      negative: ["I made a formal complaint and heard nothing", "Had to escalate to a manager to get anywhere"],
    },
    accessibility: {
      positive: ["They arranged an interpreter for my mum without any fuss", "Staff helped me with my wheelchair at the front desk"],
      negative: ["The form does not work with my screen reader", "No hearing loop at the counter and I am hard of hearing"],
    },
  },
  cy: {
    waiting_time: { positive: ["Dim ciw o gwbl"], negative: ["Roedd rhaid i mi aros am hanner awr ar y ffôn"] },
    staff_attitude: { positive: ["Roedd y staff yn gyfeillgar ac yn gymwynasgar iawn"], negative: ["Roedd y swyddog yn anghwrtais iawn"] },
    online_services: { positive: ["Roedd y wefan yn hawdd i'w defnyddio"], negative: ["Doedd y ffurflen ar lein ddim yn gweithio"] },
    quality_of_service: { positive: ["Gwasanaeth ardderchog"], negative: ["Gwasanaeth gwael iawn"] },
    accessibility: { positive: ["Diolch am y gwasanaeth Cymraeg"], negative: ["Roeddwn i eisiau siarad yn Gymraeg ond doedd neb ar gael"] },
    timeliness: { positive: ["Cefais ateb cyflym"], negative: ["Wythnosau heb ateb"] },
    complaint_handling: { negative: ["Dw i wedi gwneud cwyn ond does neb wedi ateb"] },
  },
  pl: {
    waiting_time: { positive: ["Nie musiałem długo czekać"], negative: ["Czekałem na połączenie ponad pół godziny"] },
    staff_attitude: { positive: ["Pani była bardzo miła i pomocna"], negative: ["Pracownik był nieuprzejmy i opryskliwy"] },
    online_services: { positive: ["Formularz na stronie internetowej jest prosty"], negative: ["Nie mogłem się zalogować do konta"] },
    quality_of_service: { positive: ["Bardzo profesjonalna obsługa"], negative: ["Fatalna obsługa"] },
    timeliness: { positive: ["Sprawa załatwiona szybko"], negative: ["Nikt nie oddzwonił od tygodni"] },
    accessibility: { positive: ["Dziękuję za tłumacza"] },
    complaint_handling: { negative: ["Złożyłem skargę i nadal nie ma odpowiedzi"] },
  },
  pt: {
    waiting_time: { positive: ["Quase não houve espera"], negative: ["Fiquei mais de meia hora em espera"] },
    staff_attitude: { positive: ["A funcionária foi muito simpática e prestativa"], negative: ["O atendente foi grosseiro comigo"] },
    online_services: { positive: ["Consegui fazer tudo pelo site"], negative: ["Não consegui entrar, a senha nunca funciona"] },
    quality_of_service: { positive: ["Excelente atendimento"], negative: ["Péssimo atendimento"] },
    timeliness: { positive: ["Resolveram muito rápido"], negative: ["Já passaram semanas sem resposta"] },
    accessibility: { positive: ["Obrigada pelo intérprete"] },
  },
  ar: {
    waiting_time: { positive: ["لم يكن هناك انتظار طويل"], negative: ["انتظرت أكثر من ساعة على الهاتف"] },
    staff_attitude: { positive: ["الموظف كان لطيفا ومتعاونا جدا"], negative: ["الموظف كان وقحا معي"] },
    online_services: { positive: ["الموقع الإلكتروني سهل الاستخدام"], negative: ["لم أستطع تسجيل الدخول إلى حسابي"] },
    quality_of_service: { positive: ["خدمة ممتازة، شكرا لكم"], negative: ["خدمة سيئة جدا"] },
    timeliness: { positive: ["تم حل مشكلتي بسرعة"], negative: ["هناك تأخير كبير في الرد"] },
    accessibility: { positive: ["شكرا على توفير مترجم"] },
  },
};

/** Short endings that carry no theme, so comments do not all read alike. */
export const CLOSINGS: Record<Language, Record<Tone, string[]>> = {
  en: { positive: ["Thank you.", "Thanks again.", "Keep it up."], negative: ["Not good enough.", "Please sort it out.", "Very disappointing."] },
  cy: { positive: ["Diolch yn fawr."], negative: ["Siomedig iawn."] },
  pl: { positive: ["Dziękuję."], negative: ["Bardzo słabo."] },
  pt: { positive: ["Obrigado."], negative: ["Muito mau."] },
  ar: { positive: ["شكرا."], negative: ["مخيب للآمال."] },
};

/** The themes a language's bank has pieces for, in that tone. */
export function themesWithPieces(language: Language, tone: Tone): DemoThemeCode[] {
  return (Object.entries(COMMENT_PIECES[language]) as [DemoThemeCode, Partial<Record<Tone, string[]>>][])
    .filter(([, tones]) => (tones[tone]?.length ?? 0) > 0)
    .map(([code]) => code);
}
