import { useCallback, useEffect, useState } from 'react';
import type { AppError, Result } from '../../src-main/ipc/renderer-contract';

export interface Query<T> {
  readonly data: T | null;
  readonly error: AppError | null;
  readonly loading: boolean;
  reload(): void;
}

/** Loads a value through the API when `key` changes; `reload` fetches again (e.g. after a step). */
export function useQuery<T>(load: () => Promise<Result<T>>, key: string): Query<T> {
  const [state, setState] = useState<{ data: T | null; error: AppError | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names everything `load` depends on
  const stableLoad = useCallback(load, [key]);
  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    void stableLoad().then((result) => {
      if (!live) return;
      setState(result.ok ? { data: result.value, error: null, loading: false } : { data: null, error: result.error, loading: false });
    });
    return () => {
      live = false;
    };
  }, [stableLoad, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
