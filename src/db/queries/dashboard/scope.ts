import type { SummaryFilter } from "../summary";

/**
 * What every dashboard view is filtered by: the period and dates, the group filters, the
 * financial year and today. The summary's filter without its grouping, which each view picks.
 */
export type ScopeFilter = Omit<SummaryFilter, "groupBy">;
