import { computed, createModel } from "@preact/signals";
import { api, ok } from "../api";
import { shared, url } from "./app";
import { createLoader } from "./loader";

/** The quarterly report: one quarter of the shared filters, on screen, printed or as the server's PDF. */
export const ReportModel = createModel(() => {
  const report = createLoader(
    () => ({ ...shared.value, quarter: url.query.value.quarter }),
    (q) => ok(api.report.quarterly.$get({ query: q })),
  );
  report.start();
  /** The URL's date, else the first day of the quarter the report shows (the last complete one). */
  const shownQuarter = computed(() => url.query.value.quarter ?? report.data.value?.from);
  return {
    report,
    shownQuarter,
    /** The address of the server-made PDF of the report on screen: the same filters and quarter. */
    pdfHref: computed(() => {
      const quarter = shownQuarter.value;
      const q = new URLSearchParams({ ...shared.value, ...(quarter ? { quarter } : {}) }).toString();
      return `/dashboard/api/report/quarterly.pdf${q ? `?${q}` : ""}`;
    }),
    setQuarter: (day: string) => url.setParam("quarter", day),
  };
});
