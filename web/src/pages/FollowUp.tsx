import { url } from "../models/app";
import { CaseList } from "./follow-up/CaseList";
import { CasePage } from "./follow-up/CasePage";

/**
 * Follow-up cases: the list at /dashboard/follow-up, one case at /dashboard/follow-up/<id>.
 * The case page is keyed by its id, so moving between cases starts a fresh model.
 */
export function FollowUpPage() {
  const id = url.item.value;
  return id === null ? <CaseList /> : <CasePage key={id} id={id} />;
}
