import type { Language } from "../../domain/languages";

/*
 * What the signature strip's confirmation says when a rating is not taken: a staff member
 * rating themselves, a rating sent from the organisation's own network, and one kept apart
 * in a burst. Beside the routes that use them; the strip's other words are in mail/messages.
 */
export type SignatureNotices = {
  selfRatingTitle: string;
  selfRatingBody: (name: string) => string;
  staffNetworkTitle: string;
  staffNetworkBody: (org: string) => string;
  receivedTitle: string;
  receivedBody: string;
};

const en: SignatureNotices = {
  selfRatingTitle: "You cannot rate yourself",
  selfRatingBody: (name) => `You are signed in to the dashboard as ${name}. These links are for your customers; ratings of yourself are not taken.`,
  staffNetworkTitle: "Not counted",
  staffNetworkBody: (org) => `This rating was sent from ${org}'s own network, so it is not counted. These links are for customers.`,
  receivedTitle: "Thank you",
  receivedBody: "Your rating has been received.",
};

const cy: SignatureNotices = {
  selfRatingTitle: "Ni allwch roi sgôr i chi’ch hun",
  selfRatingBody: (name) =>
    `Rydych wedi mewngofnodi i’r dangosfwrdd fel ${name}. Mae’r dolenni hyn ar gyfer eich cwsmeriaid; ni chaiff sgoriau i chi’ch hun eu derbyn.`,
  staffNetworkTitle: "Heb ei gyfrif",
  staffNetworkBody: (org) => `Anfonwyd y sgôr hon o rwydwaith ${org} ei hun, felly nid yw’n cael ei chyfrif. Mae’r dolenni hyn ar gyfer cwsmeriaid.`,
  receivedTitle: "Diolch",
  receivedBody: "Rydym wedi cael eich sgôr.",
};

const pl: SignatureNotices = {
  selfRatingTitle: "Nie możesz ocenić samego siebie",
  selfRatingBody: (name) => `Jesteś zalogowany do panelu jako ${name}. Te linki są dla Twoich klientów; oceny samego siebie nie są przyjmowane.`,
  staffNetworkTitle: "Nie wliczono",
  staffNetworkBody: (org) => `Ta ocena została wysłana z własnej sieci ${org}, więc nie jest wliczana. Te linki są dla klientów.`,
  receivedTitle: "Dziękujemy",
  receivedBody: "Otrzymaliśmy Twoją ocenę.",
};

const pt: SignatureNotices = {
  selfRatingTitle: "Não pode avaliar-se a si próprio",
  selfRatingBody: (name) => `Tem sessão iniciada no painel como ${name}. Estas ligações são para os seus clientes; avaliações de si próprio não são aceites.`,
  staffNetworkTitle: "Não contabilizada",
  staffNetworkBody: (org) => `Esta avaliação foi enviada a partir da rede da própria ${org}, por isso não é contabilizada. Estas ligações são para clientes.`,
  receivedTitle: "Obrigado",
  receivedBody: "Recebemos a sua avaliação.",
};

const ar: SignatureNotices = {
  selfRatingTitle: "لا يمكنك تقييم نفسك",
  selfRatingBody: (name) => `أنت مسجّل الدخول إلى لوحة المتابعة باسم ${name}. هذه الروابط لعملائك؛ ولا تُقبل تقييمات الشخص لنفسه.`,
  staffNetworkTitle: "لم يُحتسب",
  staffNetworkBody: (org) => `أُرسل هذا التقييم من شبكة ${org} نفسها، لذلك لا يُحتسب. هذه الروابط مخصّصة للعملاء.`,
  receivedTitle: "شكرًا لك",
  receivedBody: "تم استلام تقييمك.",
};

const catalogue: Record<Language, SignatureNotices> = { en, cy, pl, pt, ar };

export function signatureNotices(lang: Language): SignatureNotices {
  return catalogue[lang];
}
