import { url } from "../models/app";

/**
 * Newer / older buttons for a list paged through `?page=` in the URL (page 0, the newest,
 * leaves the parameter out), so a page can be bookmarked like every other view.
 */
export function Pager(props: { label: string; page: number; hasMore: boolean; newer: string; older: string }) {
  const { page } = props;
  return (
    <nav class="pager" aria-label={props.label}>
      {page > 0 ? (
        <button type="button" class="secondary" onClick={() => url.setParam("page", page - 1 === 0 ? null : String(page - 1))}>
          {props.newer}
        </button>
      ) : null}
      {props.hasMore ? (
        <button type="button" class="secondary" onClick={() => url.setParam("page", String(page + 1))}>
          {props.older}
        </button>
      ) : null}
    </nav>
  );
}
