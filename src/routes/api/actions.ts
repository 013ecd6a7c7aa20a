import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { Ctx } from "../../deps";
import type { ApiKeyEnv } from "../../middleware/api-key";
import { ActionInput, ActionListQuery, ActionPatch, ApiActionDetail, ApiActionList, ProgressInput, RefParam, type ApiAction } from "../../schemas/actions";
import type { ActionActor } from "../../services/actions/actor";
import { addProgress } from "../../services/actions/add-progress";
import { createAction } from "../../services/actions/create-action";
import { apiAction, apiActionDetail } from "../../services/actions/present";
import { getAction, listActions } from "../../services/actions/read-tracker";
import { updateAction } from "../../services/actions/update-action";
import { validate } from "../../validation";
import { COMMON_ERRORS, errorResponse, json, unprocessable } from "./openapi-docs";

// The seed's own words: Stockton's "Progress Update – Customer First", recommendation 5.
const EXAMPLE_ITEM: ApiAction = {
  ref: "CF-5",
  text: "The existing service standards and guidance for the use of voicemail be enhanced and promoted: all voicemail messages include the officer's name, team and extension, and give an indication of when the caller can expect a response.",
  source: "Scrutiny review: Customer First, 2009",
  responsibility: "K Hornsey / J Robinson",
  owner: "j.robinson@council.example",
  dueDate: "2010-12-31",
  overdue: false,
  themes: ["timeliness"],
  teams: ["CONTACT"],
  departments: [],
  latest: { date: "2010-10-04", category: 3, label: "Slipped" },
  createdAt: "2010-04-20T09:00:00.000Z",
  updatedAt: "2010-10-04T15:10:00.000Z",
};
const EXAMPLE: ApiActionDetail = {
  ...EXAMPLE_ITEM,
  progress: [
    {
      date: "2010-05-17",
      category: 2,
      label: "On track",
      evidence:
        "All service blocks have been presented with the new voicemail guidance. A roll-out plan is in place to ensure that recordings on all individual handsets are complete by the end of April 2010.",
      recordedAt: "2010-05-17T14:02:00.000Z",
      recordedBy: "j.robinson@council.example",
    },
    {
      date: "2010-10-04",
      category: 3,
      label: "Slipped",
      evidence:
        "Voicemail settings and recordings on individual handsets are now implemented and monitored through mystery shopping. There has been a delay on 12 service-specific hunt groups. Anticipated new completion date December 2010.",
      recordedAt: "2010-10-04T15:10:00.000Z",
      recordedBy: null,
    },
  ],
};

const TAG = ["Recommendations and actions"];
const NOT_FOUND = errorResponse("No action with this reference", "not_found", "No action with reference 'CF-5'.");
const detailAnswer = (description: string) => ({ description, content: json(ApiActionDetail, EXAMPLE) });

/**
 * The recommendations and actions tracker for systems that keep or report it elsewhere (a
 * committee's papers, a performance system). An API key acts for the organisation: it reads
 * every action and changes them as a director would.
 */
export function actionRoutes(ctx: Ctx) {
  const asApi = (apiKeyId: number): ActionActor => ({ kind: "api", apiKeyId });
  const detail = async (actor: ActionActor, ref: string) => apiActionDetail((await getAction(ctx, actor, ref)).action);

  return new Hono<ApiKeyEnv>()
    .get(
      "/actions",
      describeRoute({
        tags: TAG,
        summary: "Recommendations and actions, with their latest assessment",
        description:
          "Every action by reference, with its latest assessment in categories 1–4 and the counts by category of those listed. Filter by `category` (1–4, or `none` for actions not yet reviewed), `owner` (email), `theme`, `team` or `department` (codes); a team also finds the actions linked to its department, and a department those linked to any of its teams.",
        responses: {
          200: {
            description: "The actions",
            content: json(ApiActionList, {
              items: [EXAMPLE_ITEM],
              counts: { 1: 0, 2: 0, 3: 1, 4: 0, none: 0 },
              labels: { 1: "Achieved fully", 2: "On track", 3: "Slipped", 4: "Not achieved" },
            }),
          },
          ...COMMON_ERRORS,
          404: errorResponse("A filter names an unknown code or owner", "not_found", "No theme with code 'nope'."),
        },
      }),
      validate("query", ActionListQuery),
      async (c) => {
        const list = await listActions(ctx, asApi(c.var.apiKeyId), c.req.valid("query"));
        return c.json({ items: list.items.map(apiAction), counts: list.counts, labels: list.labels });
      },
    )
    .post(
      "/actions",
      describeRoute({
        tags: TAG,
        summary: "Add a recommendation or action",
        description:
          "`ref` is the organisation's reference and cannot change later. `owner` is the email of a dashboard user; `themes`, `teams` and `departments` are codes of what the action addresses. A reference already in use answers 409; a code or owner that names nothing, 422.",
        responses: {
          201: detailAnswer("The action as stored"),
          ...COMMON_ERRORS,
          409: errorResponse("The reference is already in use", "conflict", "An action with reference 'CF-5' already exists."),
          ...unprocessable("An owner, theme, team or department that does not exist"),
        },
      }),
      validate("json", ActionInput),
      async (c) => {
        const actor = asApi(c.var.apiKeyId);
        const { ref } = await createAction(ctx, c.req.valid("json"), actor);
        return c.json(await detail(actor, ref), 201);
      },
    )
    .get(
      "/actions/:ref",
      describeRoute({
        tags: TAG,
        summary: "One action with its history of reviews",
        description:
          "The action and every review of it, oldest first: the review date, the evidence of progress and the assessment, as the columns of a progress update run.",
        responses: { 200: detailAnswer("The action"), ...COMMON_ERRORS, 404: NOT_FOUND },
      }),
      validate("param", RefParam),
      async (c) => c.json(await detail(asApi(c.var.apiKeyId), c.req.valid("param").ref)),
    )
    .patch(
      "/actions/:ref",
      describeRoute({
        tags: TAG,
        summary: "Change an action",
        description:
          "Any of text, source, responsibility, owner, dueDate (null clears the owner, responsibility or date), and the lists of themes, teams and departments, each of which replaces the action's links of that kind. The reference cannot change.",
        responses: {
          200: detailAnswer("The action after the change"),
          ...COMMON_ERRORS,
          404: NOT_FOUND,
          ...unprocessable("An owner, theme, team or department that does not exist"),
        },
      }),
      validate("param", RefParam),
      validate("json", ActionPatch),
      async (c) => {
        const actor = asApi(c.var.apiKeyId);
        const { ref } = await updateAction(ctx, c.req.valid("param").ref, c.req.valid("json"), actor);
        return c.json(await detail(actor, ref));
      },
    )
    .post(
      "/actions/:ref/progress",
      describeRoute({
        tags: TAG,
        summary: "Record a review: evidence of progress and its assessment",
        description:
          "`date` is the review's (YYYY-MM-DD, not in the future), `evidence` what has been done (personal data typed in it is masked), `category` the assessment 1–4. The latest review date stands; of two reviews of one date, the one recorded last.",
        responses: { 201: detailAnswer("The action with the new review"), ...COMMON_ERRORS, 404: NOT_FOUND },
      }),
      validate("param", RefParam),
      validate("json", ProgressInput),
      async (c) => {
        const actor = asApi(c.var.apiKeyId);
        const { ref } = await addProgress(ctx, c.req.valid("param").ref, c.req.valid("json"), actor);
        return c.json(await detail(actor, ref), 201);
      },
    );
}
