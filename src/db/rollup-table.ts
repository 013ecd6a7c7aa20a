import { TALLY_FIELDS } from "../domain/measures";
import type { CounterTable } from "./counters";

/** The rollup's counter columns: the Tally's fields in snake_case, in TALLY_FIELDS order. */
export const ROLLUP_COLUMNS = TALLY_FIELDS.map((f) => f.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`));

/** report_rollup as counters: its primary key, in the key's own order, then the tally. */
export const REPORT_ROLLUP: CounterTable = {
  table: "report_rollup",
  keyColumns: ["period", "theme_id", "period_start", "team_id", "staff_id", "service_id", "channel"],
  amountColumns: ROLLUP_COLUMNS,
};
