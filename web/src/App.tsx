import { useEffect } from "preact/hooks";
import { Filters } from "./components/Filters";
import { isAdmin, me, signOut, startupError, url } from "./models/app";
import { PAGES, type PagePath } from "./models/url";
import { CommentsPage } from "./pages/Comments";
import { DeliveryPage } from "./pages/Delivery";
import { FollowUpPage } from "./pages/FollowUp";
import { QualityPage } from "./pages/quality/QualityPage";
import { ActionsPage } from "./pages/actions/ActionsPage";
import { OverviewPage } from "./pages/Overview";
import { ReportPage } from "./pages/Report";
import { SettingsPage } from "./pages/Settings";
import { TeamsPage } from "./pages/Teams";
import { ThemesPage } from "./pages/Themes";
import { TrendsPage } from "./pages/Trends";

const VIEWS: Record<PagePath, () => preact.JSX.Element> = {
  "": OverviewPage,
  trends: TrendsPage,
  teams: TeamsPage,
  comments: CommentsPage,
  "follow-up": FollowUpPage,
  quality: QualityPage,
  actions: ActionsPage,
  themes: ThemesPage,
  report: ReportPage,
  settings: SettingsPage,
  delivery: DeliveryPage,
};

/** Pages for administrators: not in a director's or manager's menu, and without the response filters. */
const ADMIN_ONLY: readonly PagePath[] = ["settings", "delivery"];
/** Pages with filters of their own instead of the response filters (follow-up cases have no date range). */
const OWN_FILTERS: readonly PagePath[] = ["follow-up", "actions", "quality"];

export function App() {
  const page = url.page.value;
  const item = url.item.value;
  const pageTitle = PAGES.find((p) => p.path === page)?.title ?? "Overview";
  // One case of the follow-up list has a title of its own; focus moves to it as to a new page.
  const title =
    page === "follow-up" && item !== null
      ? `Follow-up case ${item}`
      : page === "actions" && item !== null
        ? `Recommendation ${item}`
        : page === "quality" && item !== null
          ? `Quality review ${item}`
          : pageTitle;
  useEffect(() => {
    document.title = `${title}: customer satisfaction dashboard`;
    // Move focus to the new page's heading, as a screen reader user would expect after navigating.
    document.getElementById("page-title")?.focus();
  }, [title]);
  useEffect(() => {
    const onPop = () => url.sync(window.location);
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  if (startupError.value)
    return (
      <p class="error" role="alert">
        {startupError.value}
      </p>
    );
  if (!me.value) return <p role="status">Loading…</p>;
  const View = VIEWS[page];
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top no-print">
        <div class="brand">
          <strong>{me.value.orgName}</strong>
          <span>Customer satisfaction</span>
        </div>
        <nav aria-label="Dashboard">
          <ul>
            {PAGES.filter((p) => !ADMIN_ONLY.includes(p.path) || isAdmin.value).map((p) => (
              <li>
                <a
                  href={url.hrefFor(p.path)}
                  aria-current={p.path === page ? "page" : undefined}
                  onClick={(e) => {
                    if (e.ctrlKey || e.metaKey || e.shiftKey) return;
                    e.preventDefault();
                    url.navigate(p.path);
                  }}
                >
                  {p.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="user">
          <span>
            {me.value.email} ({me.value.role})
          </span>
          <button type="button" class="secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {!ADMIN_ONLY.includes(page) && !OWN_FILTERS.includes(page) ? (
          <div class="no-print">
            <Filters dates={page !== "report"} />
          </div>
        ) : null}
        <View />
      </main>
    </>
  );
}
