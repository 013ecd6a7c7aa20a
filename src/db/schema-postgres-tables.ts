import { postgresTables } from "./schema-postgres";

// drizzle-kit reads a schema module's named exports: one per table.
export const {
  departments, teams, staff, services, themes, themesVersion, targets, interactions, customerContacts, contactSubjects,
  surveyTokens, responses, responseThemes, reportRollup, repeatContactDays, rollupFeatures, rollupBasis, apiKeys, users, sessions, emailOutbox,
  emailAddressState, suspectedClicks, ivrCalls, ivrEvents, signatureConfirmations, followUps, recordingDeletions,
  followUpCases, followUpCaseEvents, followUpContacts, followUpRules, safeguardingPhrases, staffMail,
  actions, actionLinks, actionProgress, actionCategoryLabels, qaStandards, qaSamples, qaSampleItems, qaScores,
} = postgresTables;
