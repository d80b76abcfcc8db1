import { describe, expect, it } from 'vitest';
import { runStatusText, runStatusTone } from './run-status-text';

describe('runStatusText', () => {
  it('keeps a replay status as it is', () => {
    expect(runStatusText({ status: 'finished' })).toBe('finished');
    expect(runStatusTone({ status: 'new' })).toBe('new');
  });

  it('reads a live run by its open week, never as finished', () => {
    const live = { div: 'E0', season: '2425', openWeek: { week: 7, weekStart: '2024-10-01' } };
    expect(runStatusText({ status: 'finished', live })).toBe('live · week 7 open');
    expect(runStatusText({ status: 'finished', live: { ...live, openWeek: null } })).toBe('live · waiting for fixtures');
    expect(runStatusTone({ status: 'finished', live })).toBe('in-progress');
  });
});
