import { createContext, useContext } from 'react';
import type { EdgelineApi } from './edgeline-api';

export const ApiContext = createContext<EdgelineApi | null>(null);

export function useApi(): EdgelineApi {
  const api = useContext(ApiContext);
  if (api === null) throw new Error('useApi must be used inside <ApiContext.Provider>');
  return api;
}
