import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
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
      {data.value === null ? (
        error.value ? null : (
          <p role="status">Loading…</p>
        )
      ) : (
        children(data.value)
      )}
    </div>
  );
}

export const PALETTE = ["#1d4ed8", "#b45309", "#047857", "#be185d", "#6d28d9", "#0f766e", "#9a3412", "#374151"];

export function alpha(hex: string, a: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}
