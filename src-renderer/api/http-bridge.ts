import type { Result } from '../../src-main/ipc/renderer-contract';
import type { EdgelineApi } from './edgeline-api';

export const TOKEN_STORAGE_KEY = 'edgeline.token';
const TOKEN_HEADER = 'x-edgeline-token';

/**
 * Takes the token from the address the server printed (?token=...), keeps it in
 * sessionStorage for reloads and removes it from the address bar so it is not bookmarked or
 * shared by accident.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null && fromUrl !== '') {
    storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
}

export function createHttpBridge(token: string | null, fetchImpl: typeof fetch = fetch): EdgelineApi {
  return {
    mode: 'browser',
    async invoke(channel, input) {
      if (token === null) {
        return { ok: false, error: { code: 'unauthorized', message: 'No access token: open the address printed by "npm run serve" (it ends in ?token=...)' } };
      }
      try {
        const response = await fetchImpl(`/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Result<never>;
      } catch (error) {
        return { ok: false, error: { code: 'failed', message: `The Edgeline server did not answer (${error instanceof Error ? error.message : String(error)}); is "npm run serve" still running?` } };
      }
    },
    onMenuCommand() {
      return () => undefined;
    },
  };
}
