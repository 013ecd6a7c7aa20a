import type { Messages } from "./types";

// European Portuguese, the variety most used by Portuguese speakers in UK public services.
export const pt: Messages = {
  locale: "pt-PT",
  languageName: "Português",
  questions: {
    csat: {
      text: "De um modo geral, qual o seu grau de satisfação com a ajuda que lhe prestámos?",
      labels: { 1: "Muito insatisfeito", 2: "Insatisfeito", 3: "Nem satisfeito nem insatisfeito", 4: "Satisfeito", 5: "Muito satisfeito" },
    },
    ces: {
      text: (org) => `${org} facilitou-me a obtenção da ajuda de que precisava.`,
      labels: {
        1: "Discordo totalmente",
        2: "Discordo",
        3: "Discordo em parte",
        4: "Não concordo nem discordo",
        5: "Concordo em parte",
        6: "Concordo",
        7: "Concordo totalmente",
      },
    },
    csi: {
      text: "Como se sentiu ao lidar connosco?",
      labels: { 1: "Muito infeliz", 2: "Infeliz", 3: "Nem feliz nem infeliz", 4: "Feliz", 5: "Muito feliz" },
    },
    fcr: { text: "O seu pedido ficou totalmente resolvido?", labels: { yes: "Sim", partly: "Em parte", no: "Não" } },
    comment: {
      text: "Há mais alguma coisa que nos queira dizer?",
      hint: "Não inclua dados pessoais, como o seu número de telefone, endereço de email ou morada.",
    },
  },
  page: {
    title: "Diga-nos como correu",
    intro: "Demora cerca de um minuto. Pode saltar qualquer pergunta.",
    optional: "(opcional)",
    chosen: (label) => `Escolheu “${label}”. Responda às outras perguntas se quiser e depois envie as suas respostas para confirmar.`,
    submit: "Enviar as minhas respostas",
    saveChanges: "Guardar as alterações",
    languageLabel: "Idioma",
    charactersLeft: (max) => `Pode escrever até ${max} caracteres.`,
  },
  contact: {
    legend: "Gostaria que entrássemos em contacto consigo?",
    wanted: "Gostaria que alguém entrasse em contacto comigo sobre este assunto",
    how: "Como podemos entrar em contacto consigo?",
    howHint: "Indique um endereço de email, um número de telefone ou ambos.",
    email: "Endereço de email",
    phone: "Número de telefone",
    message: "Sobre o que gostaria de falar?",
    consent: "Utilizaremos estes dados apenas para entrar em contacto consigo sobre esta opinião e eliminá-los-emos depois de o fazermos.",
  },
  thanks: {
    title: "Obrigado pela sua opinião",
    body: "As suas respostas foram guardadas. Lemos todos os comentários e usamo-los para melhorar os nossos serviços.",
    changeUntil: (date) => `Pode alterar as suas respostas até ${date}.`,
    changeLink: "Alterar as minhas respostas",
  },
  edit: {
    title: "Alterar as suas respostas",
    intro: (date) => `Estas são as respostas que deu. Pode alterá-las até ${date}.`,
    closed: "Obrigado, já temos as suas respostas. Já não é possível alterá-las.",
  },
  errors: {
    summaryTitle: "Há um problema",
    csat: "Escolha uma das cinco respostas sobre o seu grau de satisfação",
    ces: "Escolha uma das sete respostas sobre a facilidade",
    csi: "Escolha uma das cinco respostas sobre como se sentiu",
    fcr: "Escolha sim, em parte ou não",
    commentTooLong: (max) => `O seu comentário não pode ter mais de ${max} caracteres`,
    nothingAnswered: "Responda a pelo menos uma pergunta ou deixe um comentário",
    contactHow: "Indique um endereço de email ou um número de telefone para podermos entrar em contacto consigo",
    contactEmail: "Indique um endereço de email no formato correto, por exemplo nome@exemplo.com",
    contactPhone: "Indique um número de telefone, por exemplo 01632 960 001 ou +44 808 157 0192",
    contactMessageTooLong: (max) => `A sua mensagem não pode ter mais de ${max} caracteres`,
    formExpiredTitle: "Este formulário expirou",
    formExpiredBody: "Por razões de segurança, os formulários deixam de funcionar ao fim de algum tempo. Abra novamente a ligação e envie as suas respostas.",
    automatedTitle: "Esta avaliação não foi registada",
    automatedBody:
      "Parecia ter sido enviada por um programa automático, como um verificador de ligações, por isso não foi contada. Se pretendia avaliar-nos, abra a ligação no seu navegador de Internet e carregue em Confirmar.",
    tooManyTitle: "Demasiados pedidos",
    tooManyBody: "Aguarde um minuto e tente novamente.",
    unavailableTitle: "Lamentamos, o serviço está indisponível",
    unavailableBody: "Nada foi guardado. Tente novamente dentro de alguns minutos.",
    problemTitle: "Lamentamos, ocorreu um problema com o serviço",
    problemBody: "Nada foi guardado. Tente novamente mais tarde.",
    badRequestTitle: "Não foi possível ler o que foi enviado",
    badRequestBody: "Volte atrás, verifique as suas respostas e envie-as novamente.",
    titlePrefix: "Erro: ",
  },
  link: {
    invalidTitle: "Esta ligação já não é válida",
    invalidBody:
      "A ligação pode estar incompleta ou pode ter sido substituída. Se quiser dar a sua opinião, use a ligação da mensagem mais recente que lhe enviámos.",
    expiredTitle: "Esta ligação expirou",
    expiredBody: "As ligações para o inquérito só funcionam durante algum tempo depois de nos contactar. Obrigado por querer dar a sua opinião.",
  },
};
