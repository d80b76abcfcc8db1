import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, contentTypeOf, isTrustedIpcSender, rendererFileOf, rendererFileOfAppUrl } from './renderer-files';

const root = path.resolve('/opt/edgeline/out/renderer');

describe('rendererFileOfAppUrl: which built file an app:// request may read', () => {
  it('maps the app origin to files under the renderer folder, / to index.html', () => {
    expect(rendererFileOfAppUrl(root, `${APP_ORIGIN}/`)).toBe(path.join(root, 'index.html'));
    expect(rendererFileOfAppUrl(root, `${APP_ORIGIN}/index.html`)).toBe(path.join(root, 'index.html'));
    expect(rendererFileOfAppUrl(root, `${APP_ORIGIN}/assets/index-abc.js?v=1#x`)).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(rendererFileOfAppUrl(root, `${APP_ORIGIN}/assets/tfjs%20backend.wasm`)).toBe(path.join(root, 'assets', 'tfjs backend.wasm'));
  });

  it('refuses traversal out of the folder, however it is spelt', () => {
    for (const url of [
      `${APP_ORIGIN}/../../etc/passwd`,
      `${APP_ORIGIN}/..%2F..%2Fetc%2Fpasswd`,
      `${APP_ORIGIN}/assets/..%2F..%2F..%2Fetc%2Fpasswd`,
      `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`,
      `${APP_ORIGIN}/..%5C..%5Cwindows%5Cwin.ini`,
      `${APP_ORIGIN}/%2Fetc%2Fpasswd`,
    ]) {
      const file = rendererFileOfAppUrl(root, url);
      expect(file === null || file.startsWith(root + path.sep), `${url} -> ${file}`).toBe(true);
    }
    // URL parsing folds a literal ../ into the root, so it names a (missing) file inside the folder.
    expect(rendererFileOfAppUrl(root, `${APP_ORIGIN}/../../etc/passwd`)).toBe(path.join(root, 'etc', 'passwd'));
    expect(rendererFileOfAppUrl(root, `${APP_ORIGIN}/..%2F..%2Fetc%2Fpasswd`)).toBeNull();
  });

  it('refuses another host, another scheme, NUL bytes and malformed encoding', () => {
    expect(rendererFileOfAppUrl(root, 'app://other/index.html')).toBeNull();
    expect(rendererFileOfAppUrl(root, 'file:///opt/edgeline/out/renderer/index.html')).toBeNull();
    expect(rendererFileOfAppUrl(root, `${APP_ORIGIN}/index.html%00.js`)).toBeNull();
    expect(rendererFileOfAppUrl(root, `${APP_ORIGIN}/%E0%A4%A`)).toBeNull();
  });

  it('uses the same rule as the headless server for decoded paths', () => {
    expect(rendererFileOf(root, '/')).toBe(path.join(root, 'index.html'));
    expect(rendererFileOf(root, '/../secret')).toBeNull();
    expect(rendererFileOf(root, '')).toBe(path.join(root, 'index.html'));
  });

  it('names the content type by extension, octet-stream otherwise', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/a.wasm')).toBe('application/wasm');
    expect(contentTypeOf('/x/a.bin')).toBe('application/octet-stream');
  });
});

describe('isTrustedIpcSender: only the app window, its top frame, on the app page', () => {
  const trusted = { fromMainWindow: true, isTopFrame: true, frameUrl: `${APP_ORIGIN}/index.html`, rendererUrl: `${APP_ORIGIN}/index.html` };

  it('accepts the main window top frame on the app origin', () => {
    expect(isTrustedIpcSender(trusted)).toBe(true);
    expect(isTrustedIpcSender({ ...trusted, frameUrl: `${APP_ORIGIN}/index.html#/runs` })).toBe(true);
  });

  it('refuses a subframe even on the app origin, another window, and another origin', () => {
    expect(isTrustedIpcSender({ ...trusted, isTopFrame: false })).toBe(false);
    expect(isTrustedIpcSender({ ...trusted, fromMainWindow: false })).toBe(false);
    expect(isTrustedIpcSender({ ...trusted, frameUrl: 'app://edgeline.evil/index.html' })).toBe(false);
    expect(isTrustedIpcSender({ ...trusted, frameUrl: 'https://example.com/' })).toBe(false);
    expect(isTrustedIpcSender({ ...trusted, frameUrl: '' })).toBe(false);
  });

  it('compares origins under the dev server too, not string prefixes', () => {
    const dev = { ...trusted, rendererUrl: 'http://localhost:5173/', frameUrl: 'http://localhost:5173/#/data' };
    expect(isTrustedIpcSender(dev)).toBe(true);
    expect(isTrustedIpcSender({ ...dev, frameUrl: 'http://localhost:51730/' })).toBe(false);
  });
});
