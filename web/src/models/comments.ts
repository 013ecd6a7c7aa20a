import { computed, createModel } from "@preact/signals";
import { SENTIMENTS } from "../../../src/domain/vocabulary";
import { api, ok } from "../api";
import { oneOf, shared, url } from "./app";
import { createLoader } from "./loader";

/** Comments: the customers' words, filtered by theme, score, sentiment and a search, a page at a time. */
export const CommentsModel = createModel(() => {
  const comments = createLoader(
    () => {
      const p = url.query.value;
      return { ...shared.value, theme: p.theme, score: p.score, sentiment: oneOf(p.sentiment, SENTIMENTS), q: p.q, page: p.page };
    },
    (q) => ok(api.comments.$get({ query: q })),
  );
  comments.start();
  return {
    comments,
    /** The responses of the shared filters, as a CSV download. */
    exportHref: computed(() => {
      const s = new URLSearchParams(shared.value).toString();
      return `/dashboard/api/export/responses.csv${s ? `?${s}` : ""}`;
    }),
  };
});
