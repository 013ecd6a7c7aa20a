import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { alpha, OKABE_ITO } from "../lib/palette";
import type { Loader } from "../models/loader";

/** Starts a page's loader while the page is shown. */
export function useLoader(loader: { start(): () => void }) {
  useEffect(() => loader.start(), [loader]);
}

/** Loading, error and content, announced politely to screen readers. */
export function Loaded<T>({ loader, children }: { loader: Loader<T>; children: (data: T) => ComponentChildren }) {
  const { data, error, loading } = loader;
  return (
    <div aria-busy={loading.value}>
      {error.value ? (
        <p class="error" role="alert">
          {error.value}
        </p>
      ) : null}
      {data.value === null ? error.value ? null : <p role="status">Loading…</p> : children(data.value)}
    </div>
  );
}

/** The charts' colours: the colour-blind-safe palette, no colour repeated within its eight. */
export const PALETTE: readonly string[] = OKABE_ITO;
export { alpha };
