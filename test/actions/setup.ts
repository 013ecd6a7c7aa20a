import { seedDefaultThemes } from "../../src/services/reference/seed-themes";
import { caseSetup, type Who } from "../follow-ups/setup";

/**
 * An organisation with the default themes, an administrator, a director, the Contact Centre's
 * manager and the Waste team's manager signed in, on 20 October 2010: after the second review
 * of Stockton's "Progress Update – Customer First" (17 May and 4 October 2010).
 */
export async function trackerSetup(start = "2010-10-20T09:00:00Z") {
  const t = await caseSetup({}, start);
  await seedDefaultThemes(t.ctx);
  const json = async <T = Record<string, unknown>>(res: Response | Promise<Response>) => (await (await res).json()) as T;
  /** Through the dashboard's API as a user. */
  const dash = (user: Who, method: string, path: string, body?: unknown) => t.call(user, method, `/actions${path}`, body);
  return { ...t, json, dash };
}
export type TrackerTest = Awaited<ReturnType<typeof trackerSetup>>;

/** Recommendation 5 of the seed, as an API client would add it. */
export const CF5 = {
  ref: "CF-5",
  text: "The existing service standards and guidance for the use of voicemail be enhanced and promoted, and targets for responding to voicemail messages established.",
  source: "Scrutiny review: Customer First, 2009",
  responsibility: "K Hornsey / J Robinson",
  owner: "director@council.example",
  dueDate: "2010-12-31",
  themes: ["timeliness"],
  teams: ["CONTACT"],
};

export const MAY = {
  date: "2010-05-17",
  category: 2,
  evidence:
    "All service blocks have been presented with the new voicemail guidance. A roll-out plan is in place to ensure that recordings on all individual handsets are complete by the end of April 2010.",
};
export const OCTOBER = {
  date: "2010-10-04",
  category: 3,
  evidence: "There has been a delay implementing the new arrangements on 12 service-specific hunt groups. Anticipated new completion date December 2010.",
};
