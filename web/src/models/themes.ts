import { createModel } from "@preact/signals";
import { api, ok } from "../api";
import { shared, url } from "./app";
import { createLoader } from "./loader";

/** Themes: the share of comments per theme, overall and per department. */
export const ThemesModel = createModel(() => {
  const themes = createLoader(
    () => shared.value,
    (q) => ok(api.themes.$get({ query: q })),
  );
  themes.start();
  return {
    themes,
    /** The comments that mention one theme. */
    openComments: (theme: string) => url.navigate("comments", { theme }),
  };
});
