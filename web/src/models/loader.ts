import { computed, effect, signal, untracked } from "@preact/signals";

/**
 * Data that follows some inputs: whenever `inputs()` changes, `load` runs again, and only the
 * newest answer is kept (a slow earlier request cannot overwrite a newer one).
 * Inputs are compared by value (serialised as JSON), so a URL change that leaves them the same
 * (a highlighted line, a sorted column) does not fetch the same data again.
 * start() returns the function that stops following, for the page's unmount; started inside a
 * createModel factory, it stops when the model is disposed.
 */
export function createLoader<I, T>(inputs: () => I, load: (input: I) => Promise<T>) {
  const data = signal<T | null>(null);
  const error = signal<string | null>(null);
  const loading = signal(false);
  // A string: a computed notifies only when its value changes, so equal inputs change nothing.
  const key = computed(() => JSON.stringify(inputs()) ?? "");
  // Bumped by reload() after a change, so the same inputs are fetched again.
  const version = signal(0);
  let seq = 0;
  function start(): () => void {
    return effect(() => {
      void key.value;
      void version.value;
      const input = untracked(inputs);
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
