import type { Messages } from "./types";

// Wording kept grammatically gender-neutral (no "zadowolony/a"), so it also reads well aloud
// in the phone survey.
export const pl: Messages = {
  locale: "pl-PL",
  languageName: "Polski",
  questions: {
    csat: {
      text: "Ogólnie rzecz biorąc, jak oceniasz pomoc, której Ci udzieliliśmy?",
      labels: {
        1: "Bardzo niezadowalająca",
        2: "Niezadowalająca",
        3: "Ani zadowalająca, ani niezadowalająca",
        4: "Zadowalająca",
        5: "Bardzo zadowalająca",
      },
    },
    ces: {
      text: (org) => `Organizacja ${org} ułatwiła mi uzyskanie potrzebnej pomocy.`,
      labels: {
        1: "Zdecydowanie się nie zgadzam",
        2: "Nie zgadzam się",
        3: "Raczej się nie zgadzam",
        4: "Ani się zgadzam, ani nie zgadzam",
        5: "Raczej się zgadzam",
        6: "Zgadzam się",
        7: "Zdecydowanie się zgadzam",
      },
    },
    csi: {
      text: "Jak się czujesz po kontakcie z nami?",
      labels: { 1: "Bardzo źle", 2: "Źle", 3: "Ani dobrze, ani źle", 4: "Dobrze", 5: "Bardzo dobrze" },
    },
    fcr: { text: "Czy Twoja sprawa została w pełni załatwiona?", labels: { yes: "Tak", partly: "Częściowo", no: "Nie" } },
    comment: {
      text: "Czy chcesz nam jeszcze coś przekazać?",
      hint: "Prosimy nie podawać danych osobowych, takich jak numer telefonu, adres e-mail czy adres zamieszkania.",
    },
  },
  page: {
    title: "Powiedz nam, jak nam poszło",
    intro: "To zajmie około minuty. Możesz pominąć dowolne pytanie.",
    optional: "(opcjonalnie)",
    chosen: (label) => `Wybrano odpowiedź „${label}”. Jeśli chcesz, odpowiedz na pozostałe pytania, a potem wyślij odpowiedzi, aby potwierdzić.`,
    submit: "Wyślij odpowiedzi",
    saveChanges: "Zapisz zmiany",
    languageLabel: "Język",
    charactersLeft: (max) => `Możesz wpisać do ${max} znaków.`,
  },
  contact: {
    legend: "Czy chcesz, abyśmy się z Tobą skontaktowali?",
    wanted: "Chcę, aby ktoś skontaktował się ze mną w tej sprawie",
    how: "Jak możemy się z Tobą skontaktować?",
    howHint: "Podaj adres e-mail, numer telefonu albo jedno i drugie.",
    email: "Adres e-mail",
    phone: "Numer telefonu",
    message: "O czym chcesz porozmawiać?",
    consent: "Wykorzystamy te dane wyłącznie do kontaktu z Tobą w sprawie tej opinii, a po kontakcie je usuniemy.",
  },
  thanks: {
    title: "Dziękujemy za opinię",
    body: "Twoje odpowiedzi zostały zapisane. Czytamy każdy komentarz i wykorzystujemy je do ulepszania naszych usług.",
    changeUntil: (date) => `Możesz zmienić swoje odpowiedzi do ${date}.`,
    changeLink: "Zmień odpowiedzi",
  },
  edit: {
    title: "Zmień swoje odpowiedzi",
    intro: (date) => `Oto Twoje odpowiedzi. Możesz je zmienić do ${date}.`,
    closed: "Dziękujemy, mamy już Twoje odpowiedzi. Nie można ich już zmienić.",
  },
  errors: {
    summaryTitle: "Wystąpił problem",
    csat: "Wybierz jedną z pięciu odpowiedzi dotyczących oceny pomocy",
    ces: "Wybierz jedną z siedmiu odpowiedzi dotyczących łatwości uzyskania pomocy",
    csi: "Wybierz jedną z pięciu odpowiedzi dotyczących samopoczucia",
    fcr: "Wybierz: tak, częściowo lub nie",
    commentTooLong: (max) => `Komentarz może mieć najwyżej ${max} znaków`,
    nothingAnswered: "Odpowiedz na co najmniej jedno pytanie lub zostaw komentarz",
    contactHow: "Podaj adres e-mail lub numer telefonu, abyśmy mogli się z Tobą skontaktować",
    contactEmail: "Podaj adres e-mail w prawidłowym formacie, np. nazwa@example.com",
    contactPhone: "Podaj numer telefonu, np. 01632 960 001 lub +44 808 157 0192",
    contactMessageTooLong: (max) => `Wiadomość może mieć najwyżej ${max} znaków`,
    formExpiredTitle: "Ten formularz wygasł",
    formExpiredBody: "Ze względów bezpieczeństwa formularze po pewnym czasie przestają działać. Otwórz link ponownie i wyślij odpowiedzi.",
    automatedTitle: "Ta ocena nie została zapisana",
    automatedBody: "Wyglądało na to, że wysłał ją automatyczny program, np. narzędzie sprawdzające linki, więc nie została policzona. Jeśli chcesz nas ocenić, otwórz link w przeglądarce internetowej i naciśnij Potwierdź.",
    tooManyTitle: "Zbyt wiele żądań",
    tooManyBody: "Odczekaj minutę i spróbuj ponownie.",
    titlePrefix: "Błąd: ",
  },
  link: {
    invalidTitle: "Ten link jest już nieważny",
    invalidBody:
      "Link może być niekompletny albo mógł zostać zastąpiony nowym. Jeśli chcesz przekazać opinię, użyj linku z najnowszej wiadomości od nas.",
    expiredTitle: "Ten link wygasł",
    expiredBody: "Linki do ankiety działają tylko przez określony czas po kontakcie z nami. Dziękujemy, że chcesz podzielić się opinią.",
  },
};
