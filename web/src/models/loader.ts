import { effect, signal } from "@preact/signals";

/**
 * Data that follows some inputs: whenever `inputs()` changes, `load` runs again, and only the
 * newest answer is kept (a slow earlier request cannot overwrite a newer one).
 * start() returns the function that stops following, for the page's unmount.
 */
export function createLoader<I, T>(inputs: () => I, load: (input: I) => Promise<T>) {
  const data = signal<T | null>(null);
  const error = signal<string | null>(null);
  const loading = signal(false);
  // Bumped by reload() after a change, so the same inputs are fetched again.
  const version = signal(0);
  let seq = 0;
  function start(): () => void {
    return effect(() => {
      const input = inputs();
      void version.value;
      const mine = ++seq;
      loading.value = true;
      load(input)
        .then((d) => {
          if (mine !== seq) return;
          data.value = d;
          error.value = null;
        })
        .catch((e: unknown) => {
          if (mine !== seq) return;
          error.value = e instanceof Error ? e.message : String(e);
        })
        .finally(() => {
          if (mine === seq) loading.value = false;
        });
    });
  }
  return { data, error, loading, start, reload: () => void version.value++ };
}
export type Loader<T> = { data: { value: T | null }; error: { value: string | null }; loading: { value: boolean }; start(): () => void };
