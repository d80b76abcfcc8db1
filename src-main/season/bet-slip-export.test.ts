import { describe, expect, it } from 'vitest';
import type { Match } from '../domain/football/match';
import type { WeekBet } from '../domain/season/week-bet';
import { betSlipCsv, betSlipRows, formatCents } from './bet-slip-export';

describe('formatCents', () => {
  it('writes whole cents as exact decimals', () => {
    expect(formatCents(123_456)).toBe('1234.56');
    expect(formatCents(-2_505)).toBe('-25.05');
    expect(formatCents(7)).toBe('0.07');
    expect(formatCents(0)).toBe('0.00');
  });

  it('refuses fractions of a cent', () => {
    expect(() => formatCents(1.5)).toThrow('Money must be whole cents, got 1.5');
  });
});

const match: Match = {
  id: 'm1', div: 'E0', season: '2324', date: '2023-08-11', kickoff: '20:00', homeTeam: 'Burnley', awayTeam: '=cmd|calc',
  homeTeamId: 'burnley', awayTeamId: 'cmd-calc', homeGoals: 0, awayGoals: 3, result: 'A', halfTimeHomeGoals: null, halfTimeAwayGoals: null,
  homeShots: null, awayShots: null, homeShotsOnTarget: null, awayShotsOnTarget: null, odds: {},
};

const candidate = {
  week: 1, book: 'active', matchId: 'm1', outcome: 'A', decimalOdds: 1.33, modelProbability: 0.8, marketProbability: 0.72, edge: 0.064,
  fullKelly: 0.19, appliedKelly: 0.0485, robustAcrossMethods: true, closingOdds: 1.3, closingFairProbability: 0.74, modelVersion: 1,
} as const;

function bet(overrides: Partial<Extract<WeekBet, { status: 'settled' }>> = {}): WeekBet {
  return { ...candidate, status: 'settled', stakeCents: 5_000, won: true, profitCents: 1_650, ...overrides };
}

describe('betSlipRows', () => {
  it('orders slips by kick-off and outcome, runs the bankroll through the week and leaves out candidates not placed', () => {
    const bets = [
      bet({}),
      { ...candidate, outcome: 'H' as const, status: 'rejected' as const, rejection: 'one-per-match' as const },
      bet({ outcome: 'D', decimalOdds: 5, stakeCents: 1_000, won: false, profitCents: -1_000 }),
    ];
    const rows = betSlipRows(bets, new Map([['m1', match]]), 1_000_000, [], 'abc', 'model');
    expect(rows).toHaveLength(2);
    // Same match: the draw (D) comes before the away win (A). 10,000.00 - 10.00 = 9,990.00; then + 16.50 = 10,006.50
    expect(rows.map((r) => r[14])).toEqual(['9990.00', '10006.50']);
    expect(rows[0]![12]).toBe('lost');
    expect(rows[1]!.slice(1, 6)).toEqual(['2023-08-11 20:00', 'Burnley v =cmd|calc', '=cmd|calc', 'A', 1.33]);
    // Probability, its source, the market's, edge and Kelly as percentages: 80%, 72%, 6.4%, 4.85%
    expect(rows[1]!.slice(6, 11)).toEqual([80, 'model', 72, 6.4, 4.85]);
    // CLV = 1.33 * 0.74 - 1 = -0.0158, written as -1.58%
    expect(rows[1]![16]).toBe(-1.58);
  });

  it('opens each week at the bankroll the ledger closed the previous week with, and writes an open bet without a result', () => {
    const open: WeekBet = { ...candidate, week: 2, status: 'placed', stakeCents: 2_000, closingOdds: null, closingFairProbability: null };
    const rows = betSlipRows([bet({ week: 2 }), open], new Map([['m1', match]]), 1_000_000, [{ week: 1, bankrollCents: 1_200_000 }], 'abc', 'model');
    // 12,000.00 + 16.50 after the settled bet; the open bet leaves it as it is.
    expect(rows.map((r) => [r[12], r[13], r[14], r[16]])).toEqual([
      ['won', '16.50', '12016.50', -1.58],
      ['open', null, '12016.50', null],
    ]);
  });

  it('labels every slip with its probability source, so market-informed probabilities are never read as the model\'s', () => {
    const rows = betSlipRows([bet({})], new Map([['m1', match]]), 1_000_000, [], 'abc', 'market-informed: Pinnacle pre-match prices made fair');
    expect(rows[0]![6]).toBe(80);
    expect(rows[0]![7]).toBe('market-informed: Pinnacle pre-match prices made fair');
  });

  it('neutralises a team name that looks like a formula in the CSV text', () => {
    const csv = betSlipCsv(betSlipRows([bet({})], new Map([['m1', match]]), 1_000_000, [], 'abc', 'model'), { excelBom: false });
    const [header, line] = csv.split('\r\n');
    expect(header).toBe(
      'week,kickoff,match,selection,outcome,odds_taken,probability_pct,probability_source,market_probability_pct,edge_pct,kelly_fraction_pct,stake_gbp,result,profit_gbp,bankroll_after_gbp,closing_odds,clv_pct,model_version,data_fingerprint',
    );
    expect(line).toBe("1,2023-08-11 20:00,Burnley v =cmd|calc,'=cmd|calc,A,1.33,80,model,72,6.4,4.85,50.00,won,16.50,10016.50,1.3,-1.58,1,abc");
  });
});

describe('the slip as a spreadsheet reads it', () => {
  it('writes the date alone as the kick-off of a season whose file gave no times', () => {
    const rows = betSlipRows([bet({})], new Map([['m1', { ...match, kickoff: null }]]), 1_000_000, [], 'abc', 'model');
    expect(rows[0]![1]).toBe('2023-08-11');
  });

  it('starts the Excel variant with a UTF-8 byte-order mark, ends every line in CRLF and writes numbers with a decimal point only', () => {
    const csv = betSlipCsv(betSlipRows([bet({ stakeCents: 123_456, profitCents: 41_015 })], new Map([['m1', { ...match, awayTeam: 'Brighton' }]]), 10_000_000, [], 'abc', 'model'), { excelBom: true });
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(csv.slice(1).replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    // No thousands separators and no quoting of plain numbers: 1234.56 stays one numeric cell.
    expect(lines[1]).toContain(',1234.56,won,410.15,100410.15,');
  });
});
