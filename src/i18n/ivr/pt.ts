import type { IvrPhrases } from "./types";

export const pt: IvrPhrases = {
  intro: (n) =>
    `Obrigado por se manter em linha. Gostaríamos de lhe fazer ${n} perguntas breves sobre a sua chamada. Responda com o teclado do telefone. Prima asterisco para ouvir uma pergunta de novo, ou cardinal para a saltar.`,
  range: (low, high) => `Prima ${low.digit} para ${low.label}, até ${high.digit} para ${high.label}.`,
  choices: (options) => `Prima ${options.map((o) => `${o.digit} para ${o.label}`).join(", ")}.`,
  invalid: "Lamentamos, essa não é uma das opções.",
  commentHowTo: "Após o sinal, diga-nos por palavras suas e, depois, prima cardinal. Se não tiver nada a acrescentar, pode desligar agora.",
  thanks: "Obrigado pelo seu tempo. Adeus.",
  unavailable: "Lamentamos, o inquérito não está disponível de momento. Adeus.",
};
