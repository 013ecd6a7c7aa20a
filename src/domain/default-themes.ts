/**
 * The feedback themes a new installation starts with. The first three are the top themes a
 * government contact centre reported from its own customer feedback (seeds/002: "consistency
 * of information received", "how customers felt after an interaction with us", "quality of
 * service they received"); the rest are the usual contact-centre ones. Administrators edit
 * the rules; these are a starting point, not a classifier.
 *
 * Rules use the syntax in themes.ts. Other languages list a handful of common words with
 * prefix stars, because Welsh mutates the start of words and Polish and Portuguese inflect the
 * end; Arabic rules start with a star where the article or a conjunction is attached (ال، و، ب)
 * and are written in ordinary spelling (matching folds the alef and taa marbuta variants).
 * English rules apply to every comment, so the other lists need not repeat English loanwords.
 */
import type { ThemeRules } from "./themes";

export type DefaultTheme = { code: string; name: string; rules: ThemeRules };

export const DEFAULT_THEMES: DefaultTheme[] = [
  {
    code: "consistency_of_information",
    name: "Consistency of information",
    rules: {
      en: [
        "conflicting", "contradict*", "inconsistent", "inconsistency", "different answer*", "different advice",
        "different information", "different story", "told different*", "told something different", "mixed messages",
        "wrong information", "incorrect information", "wrong advice", "misinformed", "misleading", "misled",
        "nobody knows", "no one knows", "each person", "everyone says", "consistent", "same answer",
      ],
      cy: ["anghyson", "gwybodaeth anghywir", "wybodaeth anghywir", "gwrthgyferbyniol", "cyngor gwahanol", "ateb gwahanol", "atebion gwahanol"],
      pl: ["sprzeczn*", "niespójn*", "różn* informacj*", "błędn* informacj*", "wprowadz* w błąd", "każdy mówi*"],
      pt: ["contradit*", "informação errada", "informações erradas", "informações diferentes", "respostas diferentes", "inconsistente*", "cada um diz"],
      ar: ["*معلومات متضاربة", "*متضارب*", "*متناقض*", "*معلومات خاطئة", "*معلومات مختلفة", "*إجابات مختلفة"],
    },
  },
  {
    code: "customer_feeling",
    name: "How the customer felt",
    rules: {
      en: [
        "felt", "made me feel", "feel like", "frustrat*", "upset", "stress*", "anxious", "anxiety", "worried", "reassur*",
        "relieved", "valued", "listened to", "not listened", "ignored", "respected", "disrespect*", "fobbed off",
        "humiliat*", "embarrass*", "angry", "annoyed", "distress*", "happy", "unhappy", "understood", "cared about",
      ],
      cy: ["teimlo", "teimlais", "deimlo", "rhwystredig", "pryderus", "poeni", "hapus", "anhapus", "ypset", "anwybyddu", "gwrando"],
      pl: ["czuł*", "poczuł*", "sfrustrowan*", "zdenerwowan*", "zestresowan*", "szczęśliw*", "zignorowan*", "wysłuchan*", "zawiedzion*"],
      pt: ["senti", "sentir", "me senti", "frustrad*", "chatead*", "preocupad*", "ansios*", "feliz", "infeliz", "ignorad*", "desrespeit*"],
      ar: ["شعرت", "*محبط*", "*منزعج*", "*قلق*", "*سعيد*", "*تجاهل*", "*احترام"],
    },
  },
  {
    code: "quality_of_service",
    name: "Quality of service",
    rules: {
      en: [
        "quality", "excellent service", "good service", "great service", "brilliant service", "poor service",
        "bad service", "terrible service", "awful service", "standard of service", "professional*", "unprofessional",
        "knowledgeable", "competent", "incompetent", "efficient", "inefficient", "thorough", "sorted", "resolved",
        "solved", "fixed", "shambles", "went above and beyond",
      ],
      cy: ["ansawdd", "gwasanaeth da", "wasanaeth da", "gwasanaeth gwael", "wasanaeth gwael", "gwasanaeth ardderchog", "proffesiynol", "effeithlon", "datrys*"],
      pl: ["jakoś*", "dobr* obsług*", "zł* obsług*", "fataln* obsług*", "profesjonaln*", "nieprofesjonaln*", "kompetentn*", "niekompetentn*", "fachow*", "rozwiązan*"],
      pt: ["qualidade", "bom serviço", "bom atendimento", "mau serviço", "mau atendimento", "péssimo*", "excelente*", "profissional*", "eficient*", "competente*", "resolvid*"],
      ar: ["*جودة", "*خدمة ممتازة", "*خدمة سيئة", "*احترافي*", "*مهني*", "*كفاءة", "تم حل"],
    },
  },
  {
    code: "waiting_time",
    name: "Waiting time",
    rules: {
      en: [
        "wait*", "queue*", "queuing", "on hold", "hold music", "kept on hold", "left on hold", "hours on the phone",
        "took ages", "ages to answer", "forever to answer", "engaged", "couldn't get through", "could not get through",
        "couldnt get through", "cut off", "answer the phone", "ringing", "long time",
      ],
      cy: ["aros", "amser aros", "disgwyl", "ciw", "ciwio", "ar ddal"],
      pl: ["czeka*", "poczeka*", "oczekiwani*", "kolejk*", "długo"],
      pt: ["espera", "esperar", "esperei", "esperando", "fila*", "em espera", "demor*"],
      ar: ["*انتظار", "انتظرت", "*طابور", "*وقت طويل"],
    },
  },
  {
    code: "staff_attitude",
    name: "Staff attitude",
    rules: {
      en: [
        "rude*", "polite*", "impolite", "friendly", "unfriendly", "helpful", "unhelpful", "kindness", "very kind", "so kind",
        "courteous", "discourteous", "patient", "impatient", "attitude", "manner*", "condescending", "patronising",
        "patronizing", "arrogant", "dismissive", "caring", "uncaring", "empathetic", "sympathetic", "lovely", "pleasant",
        "abrupt", "short with me", "hung up", "shouted", "sarcastic",
      ],
      cy: ["cwrtais", "anghwrtais", "cyfeillgar", "gyfeillgar", "anghyfeillgar", "caredig", "garedig", "cymwynasgar", "gymwynasgar", "digywilydd", "amyneddgar"],
      pl: ["grzeczn*", "niegrzeczn*", "uprzejm*", "nieuprzejm*", "mił*", "pomocn*", "życzliw*", "opryskliw*", "arogan*", "cierpliw*", "niecierpliw*"],
      pt: ["educad*", "mal educad*", "grosseir*", "simpátic*", "antipátic*", "prestativ*", "atencios*", "gentil", "gentileza", "arrogante*", "paciente"],
      ar: ["*وقح*", "*مهذب*", "*لطيف*", "*متعاون*", "*ودود*", "غير مهذب", "*صبور", "*متعجرف*"],
    },
  },
  {
    code: "accessibility",
    name: "Accessibility",
    rules: {
      en: [
        "accessib*", "inaccessible", "wheelchair*", "disabled", "disability", "disabilities", "deaf", "hard of hearing",
        "hearing aid*", "hearing loop", "blind", "partially sighted", "visually impaired", "screen reader*", "large print",
        "easy read", "braille", "interpreter*", "translat*", "sign language", "bsl", "first language", "reasonable adjustment*",
        "step free", "ramp", "autism", "autistic", "dyslexi*", "learning difficult*", "mobility",
      ],
      cy: ["hygyrch*", "anhygyrch", "anabl*", "cadair olwyn", "byddar", "dall", "cyfieithydd", "cyfieithu", "yn gymraeg", "gwasanaeth cymraeg"],
      pl: ["niepełnospraw*", "wózk* inwalidzk*", "głuch*", "niesłysząc*", "niewidom*", "tłumacz*", "po polsku", "barier*"],
      pt: ["acessív*", "acessibilidade", "inacessív*", "deficiência", "deficiente*", "cadeira de rodas", "surd*", "ceg*", "intérprete*", "tradu*", "em português"],
      ar: ["*إعاقة", "*معاق*", "*كرسي متحرك", "*أصم", "*كفيف", "*مترجم*", "*ترجمة", "*بالعربية", "*باللغة العربية"],
    },
  },
  {
    code: "online_services",
    name: "Online services",
    rules: {
      en: [
        "online", "website*", "web site", "webpage", "web page", "portal", "app", "apps", "log in", "login", "logon", "log on",
        "password*", "my account", "online account", "form", "forms", "online form*", "digital", "link", "broken link",
        "error message", "crash*", "upload*", "download*", "chatbot", "webchat", "web chat", "live chat", "self service",
      ],
      cy: ["ar lein", "gwefan*", "wefan*", "ap", "cyfrinair", "cyfrif", "ffurflen*", "furflen*"],
      pl: ["stron* internetow*", "internet*", "aplikacj*", "zalog*", "logowani*", "hasł*", "formularz*", "konto", "konta", "kontem"],
      pt: ["site", "sítio", "portal", "aplicativo", "aplicação", "senha*", "formulário*", "internet", "na internet"],
      ar: ["*الموقع الإلكتروني", "*إلكتروني*", "*تطبيق*", "كلمة المرور", "كلمة السر", "تسجيل الدخول", "*استمارة", "*الإنترنت", "عبر الإنترنت"],
    },
  },
  {
    code: "complaint_handling",
    name: "Complaint handling",
    rules: {
      en: [
        "complain*", "escalat*", "ombudsman", "formal complaint", "manager", "supervisor", "investigat*", "apolog*",
        "appeal*", "compensation", "redress", "stage 2", "stage two",
      ],
      cy: ["cwyn", "gŵyn", "chwyn", "cwyno", "gwyno", "cwynion", "ombwdsmon", "ymddiheur*", "rheolwr", "reolwr"],
      pl: ["skarg*", "reklamacj*", "zażaleni*", "rzecznik*", "przepros*", "kierownik*"],
      pt: ["reclama*", "queixa*", "ouvidoria", "provedor", "desculpa*", "pedido de desculpas", "gerente", "supervisor*"],
      ar: ["*شكوى", "*شكاوى", "*شكوتي", "اشتكيت", "*اعتذار", "*المدير", "*تصعيد"],
    },
  },
  {
    code: "timeliness",
    name: "Timeliness",
    rules: {
      en: [
        "late", "delay*", "slow*", "quick*", "fast", "prompt*", "on time", "in time", "took weeks", "took months",
        "weeks later", "months later", "still waiting", "chase*", "chasing", "follow up", "followed up", "call back",
        "called back", "call me back", "never called back", "no reply", "no response", "heard back", "haven't heard",
        "deadline", "overdue", "same day", "next day", "straight away", "immediately", "speedy", "swift*", "timely",
      ],
      cy: ["araf", "cyflym", "gyflym", "oedi", "oediad", "prydlon", "ar amser", "wythnosau", "misoedd", "heb ateb", "ffonio nôl", "ffonio yn ôl"],
      pl: ["szybk*", "powol*", "opóźn*", "tygodni*", "miesi*", "na czas", "bez odpowiedzi", "oddzwoni*", "natychmiast*"],
      pt: ["rápid*", "lent*", "atras*", "semanas", "meses", "a tempo", "no prazo", "prazo*", "sem resposta", "imediatamente", "retorno"],
      ar: ["*تأخير", "*تأخر*", "*بطيء", "*سريع*", "*بسرعة", "*أسابيع", "*أشهر", "في الوقت المحدد", "*لم يرد", "*فورا"],
    },
  },
];
