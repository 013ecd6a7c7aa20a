import type { Messages } from "./types";

export const en: Messages = {
  locale: "en-GB",
  languageName: "English",
  questions: {
    csat: {
      text: "Overall, how satisfied were you with the help we gave you?",
      labels: { 1: "Very dissatisfied", 2: "Dissatisfied", 3: "Neither satisfied nor dissatisfied", 4: "Satisfied", 5: "Very satisfied" },
    },
    ces: {
      text: (org) => `${org} made it easy for me to get the help I needed.`,
      labels: {
        1: "Strongly disagree",
        2: "Disagree",
        3: "Somewhat disagree",
        4: "Neither agree nor disagree",
        5: "Somewhat agree",
        6: "Agree",
        7: "Strongly agree",
      },
    },
    csi: {
      text: "How did dealing with us make you feel?",
      labels: { 1: "Very unhappy", 2: "Unhappy", 3: "Neither happy nor unhappy", 4: "Happy", 5: "Very happy" },
    },
    fcr: { text: "Was your enquiry fully resolved?", labels: { yes: "Yes", partly: "Partly", no: "No" } },
    comment: {
      text: "Is there anything else you would like to tell us?",
      hint: "Please do not include personal details such as your phone number, email address or home address.",
    },
  },
  page: {
    title: "Tell us how we did",
    intro: "It takes about a minute. You can skip any question.",
    optional: "(optional)",
    chosen: (label) => `You chose “${label}”. Answer the other questions if you like, then send your answers to confirm.`,
    submit: "Send my answers",
    saveChanges: "Save my changes",
    languageLabel: "Language",
    charactersLeft: (max) => `You can enter up to ${max} characters.`,
  },
  thanks: {
    title: "Thank you for your feedback",
    body: "Your answers have been saved. We read every comment and use them to improve our services.",
    changeUntil: (date) => `You can change your answers until ${date}.`,
    changeLink: "Change my answers",
  },
  edit: {
    title: "Change your answers",
    intro: (date) => `These are the answers you gave. You can change them until ${date}.`,
    closed: "Thank you, we already have your answers. They can no longer be changed.",
  },
  errors: {
    summaryTitle: "There is a problem",
    csat: "Choose one of the five answers for how satisfied you were",
    ces: "Choose one of the seven answers for how easy it was",
    csi: "Choose one of the five answers for how you felt",
    fcr: "Choose yes, partly or no",
    commentTooLong: (max) => `Your comment must be ${max} characters or fewer`,
    nothingAnswered: "Answer at least one question or leave a comment",
    formExpiredTitle: "This form has expired",
    formExpiredBody: "For your security, forms stop working after a while. Please open the link again and send your answers.",
    automatedTitle: "This rating was not recorded",
    automatedBody: "It looked as if it was sent by an automated program, such as a link checker, so it was not counted. If you meant to rate us, please open the link in your web browser and press Confirm.",
    tooManyTitle: "Too many requests",
    tooManyBody: "Please wait a minute and try again.",
    titlePrefix: "Error: ",
  },
  link: {
    invalidTitle: "This link is no longer valid",
    invalidBody:
      "The link may be incomplete or it may have been replaced. If you would like to give feedback, please use the link in the most recent message we sent you.",
    expiredTitle: "This link has expired",
    expiredBody: "Survey links only work for a limited time after you contact us. Thank you for wanting to give us your feedback.",
  },
};
