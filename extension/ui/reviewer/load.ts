import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'done'; data: T }
  | { state: 'error'; error: unknown };

/**
 * Runs `load` and keeps what it answered; runs again when `load` changes (memoise it with the values it
 * reads) or on `reload()`. A slower, older answer never replaces a newer one.
 */
export function useLoad<T>(load: () => Promise<T>): { result: Loaded<T>; reload(): void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    // `attempt` is read so that a reload runs the effect again.
    if (attempt >= 0) setResult((r) => (r.state === 'done' ? r : { state: 'loading' }));
    load().then(
      (data) => {
        if (current) setResult({ state: 'done', data });
      },
      (error: unknown) => {
        if (current) setResult({ state: 'error', error });
      },
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { result, reload };
}
