/**
 * The data URL each live run is refreshed from, remembered in the browser profile (the ledger
 * keeps a live run's rules, not where its files were fetched). A run without one uses the app's
 * configured source.
 */
const KEY = 'edgeline.liveDataUrl.';

export function rememberedDataUrl(storage: Pick<Storage, 'getItem'>, runId: string): string | null {
  return storage.getItem(`${KEY}${runId}`);
}

export function rememberDataUrl(storage: Pick<Storage, 'setItem'>, runId: string, url: string): void {
  storage.setItem(`${KEY}${runId}`, url);
}
