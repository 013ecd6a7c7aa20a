import { useModel } from "@preact/signals";
import { url } from "../../models/app";
import { ThemeActionsModel } from "../../models/actions";
import { AppLink } from "../follow-up/parts";
import { CategoryBadge } from "./parts";
import { clip } from "./wording";

/**
 * For the Themes page: under each theme, the recommendations and actions that address it, with
 * where they stand. Only the actions the viewer may read (a manager's team's). `themes` gives
 * the page's order.
 */
export function ThemeActions({ themes }: { themes: readonly { code: string | null }[] }) {
  const m = useModel(ThemeActionsModel);
  const d = m.list.data.value;
  if (!d) return null;
  // Every theme an action addresses, in the order the page ranks them (a theme without comments in the range last).
  const rank = (code: string) => {
    const i = themes.findIndex((t) => t.code === code);
    return i === -1 ? themes.length : i;
  };
  const shown = [...m.byTheme.value.entries()]
    .map(([code, actions]) => ({ code, name: actions[0]!.themes.find((t) => t.code === code)!.name, actions }))
    .sort((a, b) => rank(a.code) - rank(b.code) || a.name.localeCompare(b.name));
  const open = (ref: string) => url.openItemOf("actions", ref);
  return (
    <section class="panel theme-actions" aria-labelledby="theme-actions-h">
      <h2 id="theme-actions-h">Actions addressing these themes</h2>
      {shown.length === 0 ? (
        <p class="small">
          No recommendation or action is linked to a theme yet.{" "}
          <AppLink href="/dashboard/actions" onFollow={() => url.navigate("actions")}>
            Open the tracker
          </AppLink>
          .
        </p>
      ) : (
        <div class="grid-2">
          {shown.map((t) => (
            <div>
              <h3>
                <AppLink href={`/dashboard/actions?theme=${encodeURIComponent(t.code)}`} onFollow={() => url.navigate("actions", { theme: t.code })}>
                  {t.name}
                </AppLink>
              </h3>
              <ul class="theme-action-list">
                {t.actions.map((a) => (
                  <li>
                    <AppLink href={`/dashboard/actions/${encodeURIComponent(a.ref)}`} onFollow={() => open(a.ref)}>
                      {a.ref}
                    </AppLink>{" "}
                    {clip(a.text, 120)} <CategoryBadge category={a.latest?.category ?? null} labels={d.labels} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
