import { url } from "../../models/app";
import { ActionPage } from "./ActionPage";
import { Tracker } from "./Tracker";

/**
 * The recommendations and actions tracker at /dashboard/actions, one action at
 * /dashboard/actions/<ref>. The action's page is keyed by its reference, so moving between
 * actions starts a fresh model.
 */
export function ActionsPage() {
  const ref = url.item.value;
  return ref === null ? <Tracker /> : <ActionPage key={ref} actionRef={ref} />;
}
