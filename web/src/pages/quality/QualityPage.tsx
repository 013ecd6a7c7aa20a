import { url } from "../../models/app";
import { MonthView } from "./MonthView";
import { ReviewPage } from "./ReviewPage";

/**
 * Quality sampling: a month's sample at /dashboard/quality, one item's review at
 * /dashboard/quality/<item id>. The review is keyed by its id, so moving between items starts
 * a fresh form.
 */
export function QualityPage() {
  const id = url.item.value;
  return id === null ? <MonthView /> : <ReviewPage key={id} id={id} />;
}
