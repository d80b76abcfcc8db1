import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../domain/football/betting-week';
import { firstAtOrAfter, historyIndexOf, sortedByDate, windowKey } from './history-index';
import { syntheticLeague } from './synthetic-league';

const league = syntheticLeague({ seed: 4, teams: 8, seasons: ['2021', '2122'], promotedPerSeason: 1 });

describe('historyIndexOf', () => {
  it('keeps an array that is already in date order, and orders a shuffled one stably', () => {
    expect(sortedByDate(league)).toBe(league);
    const reversed = [...league].reverse();
    const sorted = sortedByDate(reversed);
    expect(sorted.map((m) => m.date)).toEqual(league.map((m) => m.date));
    expect(historyIndexOf(reversed).days[0]).toBe(dayNumberOf(league[0]!.date));
  });

  it('finds the first match on or after a day by binary search', () => {
    const index = historyIndexOf(league);
    const day = dayNumberOf(league[40]!.date);
    const first = firstAtOrAfter(index, day);
    expect(league[first]!.date).toBe(league[40]!.date);
    expect(first === 0 || league[first - 1]!.date < league[40]!.date).toBe(true);
    expect(firstAtOrAfter(index, -1e9)).toBe(0);
    expect(firstAtOrAfter(index, 1e9)).toBe(league.length);
  });

  it('rebuilds the index of an array that grew since it was indexed', () => {
    const grown = league.slice(0, 10);
    expect(historyIndexOf(grown).matches).toHaveLength(10);
    grown.push(league[10]!);
    expect(historyIndexOf(grown).matches).toHaveLength(11);
  });
});

describe('windowKey', () => {
  it('is the same for the same matches wherever the window sits, in another array too', () => {
    const index = historyIndexOf(league);
    const tail = league.slice(20);
    expect(windowKey(historyIndexOf(tail), 5, 60)).toBe(windowKey(index, 25, 80));
  });

  it('changes when one score, one shot count or the order of two matches changes', () => {
    const index = historyIndexOf(league);
    const key = windowKey(index, 0, 100);
    const rescored = league.map((m, i) => (i === 50 ? { ...m, homeGoals: m.homeGoals + 1 } : m));
    expect(windowKey(historyIndexOf(rescored), 0, 100)).not.toBe(key);
    const reshot = league.map((m, i) => (i === 50 ? { ...m, awayShotsOnTarget: (m.awayShotsOnTarget ?? 0) + 1 } : m));
    expect(windowKey(historyIndexOf(reshot), 0, 100)).not.toBe(key);
    const sameDay = league.findIndex((m, i) => i > 0 && i < 100 && m.date === league[i - 1]!.date);
    const swapped = [...league];
    [swapped[sameDay - 1], swapped[sameDay]] = [swapped[sameDay]!, swapped[sameDay - 1]!];
    expect(windowKey(historyIndexOf(swapped), 0, 100)).not.toBe(key);
  });

  it('names an empty window the same everywhere', () => {
    expect(windowKey(historyIndexOf(league), 7, 7)).toBe('0');
  });
});
