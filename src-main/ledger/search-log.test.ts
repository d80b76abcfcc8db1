import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger, type LedgerDatabase } from './ledger-database';
import { configurationJsonOf, recordConfiguration, searchPositionOf } from './search-log';
import { runSettingsSchema } from '../season/run-settings';
import { namedStrategySettings } from '../season/strategy-settings';

let dir: string;
let db: LedgerDatabase;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edgeline-search-log-'));
  db = openLedger(join(dir, 'ledger.sqlite'));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const settingsOf = (input: object) => runSettingsSchema.parse({ name: 'a', div: 'E0', holdoutSeason: '2324', ...input });

describe('the search log', () => {
  it('keeps the key of a configuration logged before the fitted pool weight and calibration-shrunk Kelly existed', () => {
    const logged = settingsOf({ poolWeight: 0.1 });
    const { name: _name, priorFitSeasons: _seasons, shrinkKellyByCalibration: _shrink, ...before } = logged;
    const keysSorted = Object.fromEntries(Object.entries(before).sort(([a], [b]) => (a < b ? -1 : 1)));
    expect(configurationJsonOf(logged)).toBe(JSON.stringify(keysSorted));
    // Where they act, they count: another number of seasons to fit on is another try.
    const fitted = settingsOf(namedStrategySettings('model-shrunk-to-market'));
    expect(configurationJsonOf({ ...fitted, priorFitSeasons: 2 })).not.toBe(configurationJsonOf(fitted));
    expect(configurationJsonOf({ ...logged, shrinkKellyByCalibration: true })).not.toBe(configurationJsonOf(logged));
    // What a run measured before its first week is an output, not a choice.
    const measured = { ...fitted, priorSeasonFit: { seasons: ['2223'], matches: 380, poolWeight: { weight: 0.2, unconstrainedWeight: 0.2, standardError: 0.3 }, calibration: null } };
    expect(configurationJsonOf(measured)).toBe(configurationJsonOf(fitted));
  });

  it('counts each distinct configuration tried on a season once, in the order first tried, whatever the run was called', () => {
    const consensus = settingsOf({});
    recordConfiguration(db, consensus, '2026-12-01T10:00:00Z');
    recordConfiguration(db, { ...consensus, name: 'the same again' }, '2026-12-01T11:00:00Z');
    const model = settingsOf(namedStrategySettings('model'));
    recordConfiguration(db, model, '2026-12-01T12:00:00Z');
    recordConfiguration(db, settingsOf({ minEdge: 0.03 }), '2026-12-01T13:00:00Z');
    expect(searchPositionOf(db, consensus)).toEqual({ configuration: 1, of: 3 });
    expect(searchPositionOf(db, model)).toEqual({ configuration: 2, of: 3 });
  });

  it('keeps seasons apart, and says null for a configuration never tried', () => {
    recordConfiguration(db, settingsOf({}), '2026-12-01T10:00:00Z');
    recordConfiguration(db, settingsOf({ holdoutSeason: '2223' }), '2026-12-01T10:00:00Z');
    expect(searchPositionOf(db, settingsOf({ holdoutSeason: '2223' }))).toEqual({ configuration: 1, of: 1 });
    expect(searchPositionOf(db, settingsOf({ seed: 1 }))).toBeNull();
  });

  it('keys a configuration by every setting but the name, in a fixed key order', () => {
    const json = configurationJsonOf(settingsOf({}));
    expect(json).not.toContain('"name"');
    const keys = Object.keys(JSON.parse(json) as object);
    expect(keys).toEqual([...keys].sort());
  });
});
