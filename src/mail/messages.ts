import type { Language } from "../domain/languages";

/*
 * Words of the email channel (invitations, signature strip, its confirm and unsubscribe
 * pages). The questions and face labels themselves come from the survey page's catalogue
 * (src/i18n), so an email and the page it opens say exactly the same thing.
 */
export type MailMessages = {
  signatureInvite: string;
  invitationSubject: (org: string) => string;
  reminderSubject: (org: string) => string;
  intro: (org: string) => string;
  reminderIntro: (org: string) => string;
  clickAFace: string;
  openSurvey: string;
  why: (org: string) => string;
  unsubscribe: string;
  unsubscribePrompt: string;
  confirmTitle: string;
  confirmBody: (label: string, who: string) => string;
  confirmButton: string;
  confirmNote: string;
  chooseTitle: (who: string) => string;
  unsubscribeTitle: string;
  unsubscribeBody: (org: string) => string;
  unsubscribeButton: string;
  unsubscribedTitle: string;
  unsubscribedBody: (org: string) => string;
  notFoundTitle: string;
  notFoundBody: string;
  tooManyTitle: string;
  tooManyBody: string;
};

const en: MailMessages = {
  signatureInvite: "How did I do? Rate our service",
  invitationSubject: (org) => `How did we do? Tell ${org} in one click`,
  reminderSubject: (org) => `Reminder: how did ${org} do?`,
  intro: (org) => `You contacted ${org} recently. We would like to know how we did.`,
  reminderIntro: (org) => `A few days ago we asked how ${org} did. If you have a minute, we would still like to know.`,
  clickAFace: "Choose a face to answer. You can add more on the next page; it takes about a minute.",
  openSurvey: "Open the survey",
  why: (org) => `You are receiving this because you contacted ${org}. We send one reminder at most.`,
  unsubscribe: "Stop these emails",
  unsubscribePrompt: "Do not want survey emails?",
  confirmTitle: "Confirm your rating",
  confirmBody: (label, who) => `You chose “${label}” for ${who}.`,
  confirmButton: "Confirm",
  confirmNote: "Nothing is saved until you press Confirm. Afterwards you can answer three more short questions if you like.",
  chooseTitle: (who) => `How did ${who} do?`,
  unsubscribeTitle: "Stop survey emails",
  unsubscribeBody: (org) => `Press the button to stop all survey emails from ${org} to this address.`,
  unsubscribeButton: "Stop survey emails",
  unsubscribedTitle: "You will not get survey emails again",
  unsubscribedBody: (org) => `${org} will not send survey emails to this address again.`,
  notFoundTitle: "This link is not valid",
  notFoundBody: "The link may be incomplete. Please check it and try again.",
  tooManyTitle: "Too many requests",
  tooManyBody: "Please wait a minute and try again.",
};

const cy: MailMessages = {
  signatureInvite: "Sut wnes i? Rhowch sgôr i’n gwasanaeth",
  invitationSubject: (org) => `Sut wnaethon ni? Dywedwch wrth ${org} mewn un clic`,
  reminderSubject: (org) => `Nodyn atgoffa: sut wnaeth ${org}?`,
  intro: (org) => `Fe wnaethoch gysylltu â ${org} yn ddiweddar. Hoffem wybod sut wnaethon ni.`,
  reminderIntro: (org) => `Ychydig ddyddiau yn ôl fe ofynnon ni sut wnaeth ${org}. Os oes gennych funud, hoffem wybod o hyd.`,
  clickAFace: "Dewiswch wyneb i ateb. Gallwch ychwanegu mwy ar y dudalen nesaf; mae’n cymryd tua munud.",
  openSurvey: "Agor yr arolwg",
  why: (org) => `Rydych yn cael hwn am i chi gysylltu â ${org}. Un nodyn atgoffa ar y mwyaf.`,
  unsubscribe: "Atal y negeseuon hyn",
  unsubscribePrompt: "Ddim eisiau negeseuon arolwg?",
  confirmTitle: "Cadarnhewch eich sgôr",
  confirmBody: (label, who) => `Fe ddewisoch “${label}” ar gyfer ${who}.`,
  confirmButton: "Cadarnhau",
  confirmNote: "Ni chaiff dim ei gadw nes i chi bwyso Cadarnhau. Wedyn gallwch ateb tri chwestiwn byr arall os hoffech.",
  chooseTitle: (who) => `Sut wnaeth ${who}?`,
  unsubscribeTitle: "Atal negeseuon arolwg",
  unsubscribeBody: (org) => `Pwyswch y botwm i atal pob neges arolwg gan ${org} i’r cyfeiriad hwn.`,
  unsubscribeButton: "Atal negeseuon arolwg",
  unsubscribedTitle: "Ni fyddwch yn cael negeseuon arolwg eto",
  unsubscribedBody: (org) => `Ni fydd ${org} yn anfon negeseuon arolwg i’r cyfeiriad hwn eto.`,
  notFoundTitle: "Nid yw’r ddolen hon yn ddilys",
  notFoundBody: "Efallai nad yw’r ddolen yn gyflawn. Gwiriwch hi a rhowch gynnig arall arni.",
  tooManyTitle: "Gormod o geisiadau",
  tooManyBody: "Arhoswch funud a rhowch gynnig arall arni.",
};

const pl: MailMessages = {
  signatureInvite: "Jak mi poszło? Oceń naszą obsługę",
  invitationSubject: (org) => `Jak nam poszło? Powiedz ${org} jednym kliknięciem`,
  reminderSubject: (org) => `Przypomnienie: jak poradził sobie ${org}?`,
  intro: (org) => `Niedawno kontaktowałeś się z ${org}. Chcielibyśmy wiedzieć, jak nam poszło.`,
  reminderIntro: (org) => `Kilka dni temu zapytaliśmy, jak poradził sobie ${org}. Jeśli masz chwilę, nadal chcemy to wiedzieć.`,
  clickAFace: "Wybierz buźkę, aby odpowiedzieć. Na następnej stronie możesz dodać więcej; zajmie to około minuty.",
  openSurvey: "Otwórz ankietę",
  why: (org) => `Otrzymujesz tę wiadomość, ponieważ kontaktowałeś się z ${org}. Wysyłamy najwyżej jedno przypomnienie.`,
  unsubscribe: "Nie wysyłaj więcej",
  unsubscribePrompt: "Nie chcesz wiadomości z ankietami?",
  confirmTitle: "Potwierdź ocenę",
  confirmBody: (label, who) => `Wybrano „${label}” dla: ${who}.`,
  confirmButton: "Potwierdź",
  confirmNote: "Nic nie zostanie zapisane, dopóki nie naciśniesz Potwierdź. Potem możesz odpowiedzieć na trzy krótkie pytania.",
  chooseTitle: (who) => `Jak poradził sobie ${who}?`,
  unsubscribeTitle: "Wyłącz wiadomości z ankietami",
  unsubscribeBody: (org) => `Naciśnij przycisk, aby ${org} nie wysyłał już ankiet na ten adres.`,
  unsubscribeButton: "Wyłącz wiadomości",
  unsubscribedTitle: "Nie otrzymasz więcej ankiet",
  unsubscribedBody: (org) => `${org} nie wyśle już ankiet na ten adres.`,
  notFoundTitle: "Ten link jest nieprawidłowy",
  notFoundBody: "Link może być niekompletny. Sprawdź go i spróbuj ponownie.",
  tooManyTitle: "Zbyt wiele żądań",
  tooManyBody: "Poczekaj minutę i spróbuj ponownie.",
};

const pt: MailMessages = {
  signatureInvite: "Como me saí? Avalie o nosso serviço",
  invitationSubject: (org) => `Como nos saímos? Diga à ${org} com um clique`,
  reminderSubject: (org) => `Lembrete: como se saiu a ${org}?`,
  intro: (org) => `Contactou a ${org} recentemente. Gostaríamos de saber como nos saímos.`,
  reminderIntro: (org) => `Há alguns dias perguntámos como se saiu a ${org}. Se tiver um minuto, ainda gostaríamos de saber.`,
  clickAFace: "Escolha uma cara para responder. Pode acrescentar mais na página seguinte; demora cerca de um minuto.",
  openSurvey: "Abrir o inquérito",
  why: (org) => `Recebe esta mensagem porque contactou a ${org}. Enviamos no máximo um lembrete.`,
  unsubscribe: "Parar estas mensagens",
  unsubscribePrompt: "Não quer mensagens de inquérito?",
  confirmTitle: "Confirme a sua avaliação",
  confirmBody: (label, who) => `Escolheu “${label}” para ${who}.`,
  confirmButton: "Confirmar",
  confirmNote: "Nada é guardado até carregar em Confirmar. Depois pode responder a mais três perguntas curtas, se quiser.",
  chooseTitle: (who) => `Como se saiu ${who}?`,
  unsubscribeTitle: "Parar mensagens de inquérito",
  unsubscribeBody: (org) => `Carregue no botão para a ${org} deixar de enviar inquéritos para este endereço.`,
  unsubscribeButton: "Parar mensagens",
  unsubscribedTitle: "Não voltará a receber inquéritos",
  unsubscribedBody: (org) => `A ${org} não voltará a enviar inquéritos para este endereço.`,
  notFoundTitle: "Esta ligação não é válida",
  notFoundBody: "A ligação pode estar incompleta. Verifique-a e tente novamente.",
  tooManyTitle: "Demasiados pedidos",
  tooManyBody: "Aguarde um minuto e tente novamente.",
};

const ar: MailMessages = {
  signatureInvite: "كيف كان أدائي؟ قيّم خدمتنا",
  invitationSubject: (org) => `كيف كان أداؤنا؟ أخبر ${org} بنقرة واحدة`,
  reminderSubject: (org) => `تذكير: كيف كان أداء ${org}؟`,
  intro: (org) => `تواصلت مع ${org} مؤخرًا. نود أن نعرف كيف كان أداؤنا.`,
  reminderIntro: (org) => `سألناك قبل أيام عن أداء ${org}. إن كان لديك دقيقة، ما زلنا نود أن نعرف.`,
  clickAFace: "اختر وجهًا للإجابة. يمكنك إضافة المزيد في الصفحة التالية؛ يستغرق ذلك دقيقة تقريبًا.",
  openSurvey: "افتح الاستبيان",
  why: (org) => `تصلك هذه الرسالة لأنك تواصلت مع ${org}. نرسل تذكيرًا واحدًا على الأكثر.`,
  unsubscribe: "أوقف هذه الرسائل",
  unsubscribePrompt: "لا تريد رسائل الاستبيان؟",
  confirmTitle: "أكّد تقييمك",
  confirmBody: (label, who) => `اخترت «${label}» لـ ${who}.`,
  confirmButton: "تأكيد",
  confirmNote: "لن يُحفظ شيء حتى تضغط تأكيد. بعد ذلك يمكنك الإجابة عن ثلاثة أسئلة قصيرة أخرى إن شئت.",
  chooseTitle: (who) => `كيف كان أداء ${who}؟`,
  unsubscribeTitle: "إيقاف رسائل الاستبيان",
  unsubscribeBody: (org) => `اضغط الزر لإيقاف جميع رسائل الاستبيان من ${org} إلى هذا العنوان.`,
  unsubscribeButton: "إيقاف الرسائل",
  unsubscribedTitle: "لن تصلك رسائل استبيان مرة أخرى",
  unsubscribedBody: (org) => `لن ترسل ${org} رسائل استبيان إلى هذا العنوان مرة أخرى.`,
  notFoundTitle: "هذا الرابط غير صالح",
  notFoundBody: "قد يكون الرابط ناقصًا. تحقق منه وحاول مرة أخرى.",
  tooManyTitle: "طلبات كثيرة جدًا",
  tooManyBody: "انتظر دقيقة ثم حاول مرة أخرى.",
};

const catalogue: Record<Language, MailMessages> = { en, cy, pl, pt, ar };

export function mailMessages(lang: Language): MailMessages {
  return catalogue[lang];
}
