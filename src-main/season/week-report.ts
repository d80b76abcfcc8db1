import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerDatabase } from '../ledger/ledger-database';
import { findRun, readPerformance, readRunHistory, type RunRow } from '../ledger/run-repository';
import { matchesOf } from '../ledger/match-repository';
import { readOpenWeek, readRevisions, readVoidBets, type OpenWeekRow, type RevisionRow } from '../ledger/live-run-repository';
import type { Match } from '../domain/football/match';
import type { RunHistory } from '../domain/season/run-history';
import type { PlacedBet, VoidBet, WeekBet } from '../domain/season/week-bet';
import { closingLineValueOf } from '../domain/evaluation/performance-metrics';
import { dashboardOf, strategyViewOf } from './season-report';
import { betSlipCsv, betSlipRows, formatCents } from './bet-slip-export';
import type { DashboardView } from './season-views';
import { describeRevision } from './live-season';

type MatchNames = ReadonlyMap<string, Pick<Match, 'date' | 'kickoff' | 'homeTeam' | 'awayTeam'>>;

/**
 * Writes the live run's report of the current week to `dir`: `week-NN-<start>.html`, one
 * self-contained page (inline CSS and SVG, no scripts, no external resources) that opens in any
 * browser offline, and `week-NN-<start>-slip.csv`, the week's bets in the bet-slip columns. The
 * current week is the open one, or the last settled one when none is open. Every figure is read
 * from the ledger; a file whose content would not change is not rewritten, and a new one
 * replaces the old by rename so a reader never sees half a file. `ledgerUnchanged` (a call that
 * changed nothing) keeps both files when they exist without recomputing them: the report is a
 * function of the ledger alone. Returns the HTML path, or null before the run has a week.
 */
export function writeWeekReports(db: LedgerDatabase, runId: string, dir: string, options: { readonly ledgerUnchanged?: boolean } = {}): string | null {
  const run = findRun(db, runId);
  if (run === null) throw new Error(`No run ${runId} in the ledger`);
  const current = currentWeekOf(db, run.id);
  if (current === null) return null;
  const base = join(dir, `week-${String(current.week).padStart(2, '0')}-${current.weekStart}`);
  if (options.ledgerUnchanged && existsSync(`${base}.html`) && existsSync(`${base}-slip.csv`)) return `${base}.html`;
  const report = weekReportOf(db, run)!;
  mkdirSync(dir, { recursive: true });
  writeIfChanged(`${base}.html`, report.html);
  writeIfChanged(`${base}-slip.csv`, report.csv);
  return `${base}.html`;
}

/** The week a report is of: the open one, else the last settled one; null before the run has a week. */
function currentWeekOf(db: LedgerDatabase, runId: string): { readonly week: number; readonly weekStart: string } | null {
  const open = readOpenWeek(db, runId);
  if (open !== null) return { week: open.week, weekStart: open.weekStart };
  const last = readPerformance(db, runId).at(-1);
  return last === undefined ? null : { week: last.week, weekStart: last.weekStart };
}

export interface WeekReport {
  readonly week: number;
  readonly weekStart: string;
  readonly html: string;
  readonly csv: string;
}

export function weekReportOf(db: LedgerDatabase, run: RunRow): WeekReport | null {
  const history = readRunHistory(db, run);
  const open = readOpenWeek(db, run.id);
  const last = history.weeks.at(-1) ?? null;
  if (open === null && last === null) return null;
  const week = open?.week ?? last!.week;
  const weekStart = open?.weekStart ?? last!.weekStart;
  const matchesById = new Map(matchesOf(db, { div: run.settings.div, seasons: [run.settings.holdoutSeason] }).map((m) => [m.id, m]));
  const names = new Map<string, Pick<Match, 'date' | 'kickoff' | 'homeTeam' | 'awayTeam'>>(matchesById);
  for (const f of open?.fixtures ?? []) names.set(f.id, f);
  const dashboard = history.weeks.length > 0 ? dashboardOf(run, history, matchesById) : null;
  const openBets = (open?.decided.bets ?? []).filter((b): b is PlacedBet => b.status === 'placed' && b.book === 'active');
  const weekBets: readonly WeekBet[] = open ? openBets : history.bets.filter((b) => b.week === week);
  const csv = betSlipCsv(betSlipRows(weekBets, names, run.startingBankrollCents, history.bankroll, run.dataFingerprint, strategyViewOf(run.settings).probabilities), { excelBom: false });
  const html = htmlOf({ run, history, open, week, weekStart, names, dashboard, openBets, voids: readVoidBets(db, run.id), revisions: readRevisions(db, run.id) });
  return { week, weekStart, html, csv };
}

interface ReportInput {
  readonly run: RunRow;
  readonly history: RunHistory;
  readonly open: OpenWeekRow | null;
  readonly week: number;
  readonly weekStart: string;
  readonly names: MatchNames;
  readonly dashboard: DashboardView | null;
  readonly openBets: readonly PlacedBet[];
  readonly voids: readonly VoidBet[];
  readonly revisions: readonly RevisionRow[];
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const money = (cents: number): string => formatCents(cents);
const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, digits = 4): string => (x === null ? 'n/a' : x.toFixed(digits));
const field = (name: string, text: string): string => `<span data-field="${name}">${escape(text)}</span>`;

function htmlOf(r: ReportInput): string {
  const lastSettled = r.history.weeks.at(-1) ?? null;
  const matchOf = (id: string): string => {
    const m = r.names.get(id);
    return m ? `${m.homeTeam} v ${m.awayTeam}` : id;
  };
  const selectionOf = (b: { matchId: string; outcome: 'H' | 'D' | 'A' }): string => {
    const m = r.names.get(b.matchId);
    return b.outcome === 'D' ? 'Draw' : (b.outcome === 'H' ? m?.homeTeam : m?.awayTeam) ?? b.outcome;
  };
  const alerts = [
    ...(lastSettled ? r.history.alerts.filter((a) => a.week === lastSettled.week).map((a) => `Week ${a.week}: ${a.message}`) : []),
    ...r.revisions.map((v) => `${describeRevision(matchOf(v.matchId), v.changes)}.`),
    ...r.voids.filter((b) => b.book === 'active' && lastSettled !== null && b.week >= lastSettled.week).map((b) => `${matchOf(b.matchId)} was not played on its date: the ${selectionOf(b)} bet of ${money(b.stakeCents)} is void, stake returned.`),
  ];
  const slipRows = r.openBets.map((b) => {
    const m = r.names.get(b.matchId);
    return `<tr data-bet="${escape(b.matchId)}|${b.outcome}"><td>${escape(m?.date ?? '')} ${escape(m?.kickoff ?? '')}</td><td>${escape(matchOf(b.matchId))}</td><td>${escape(selectionOf(b))}</td>` +
      `<td class="n" data-field="bet-odds">${b.decimalOdds.toFixed(2)}</td><td class="n" data-field="bet-stake">${money(b.stakeCents)}</td><td class="n">${pct(b.edge)}</td><td class="n">${pct(b.modelProbability)}</td><td class="n">${pct(b.marketProbability)}</td></tr>`;
  });
  const settledBets = lastSettled ? r.history.bets.filter((b) => b.week === lastSettled.week && b.status === 'settled') : [];
  const settledRows = settledBets.map((b) => {
    if (b.status !== 'settled') return '';
    const clv = closingLineValueOf(b);
    return `<tr data-bet="${escape(b.matchId)}|${b.outcome}"><td>${escape(matchOf(b.matchId))}</td><td>${escape(selectionOf(b))}</td><td class="n">${b.decimalOdds.toFixed(2)}</td>` +
      `<td class="n" data-field="bet-stake">${money(b.stakeCents)}</td><td>${b.won ? 'won' : 'lost'}</td><td class="n" data-field="bet-profit">${money(b.profitCents)}</td><td class="n">${clv === null ? 'n/a' : pct(clv)}</td></tr>`;
  });
  const d = r.dashboard;
  const kpis = d?.kpis;
  const scores = d?.scores;
  const retrains = r.history.models.map((m) => `<li>v${m.version} fitted before week ${m.fittedBeforeWeek}: ${escape(m.reason)}</li>`);
  const staked = r.openBets.reduce((s, b) => s + b.stakeCents, 0);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(r.run.name)}: week ${r.week}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:62rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccd;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%}td,th{padding:.25rem .5rem;border-bottom:1px solid #e3e6ea;text-align:left}.n{text-align:right;font-variant-numeric:tabular-nums}
.alerts{background:#fff4e5;border:1px solid #e8a33d;padding:.5rem 1rem}.none{color:#5b6470}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{color:#5b6470}
</style></head><body>
<h1>${escape(r.run.name)}: week ${field('week', String(r.week))} from ${escape(r.weekStart)}</h1>
<section aria-label="Alerts">${alerts.length === 0 ? '<p class="none">No alerts this week.</p>' : `<div class="alerts" role="alert"><h2>Alerts</h2><ul>${alerts.map((a) => `<li data-alert>${escape(a)}</li>`).join('')}</ul></div>`}</section>
<h2>Bet slip${r.open ? '' : ' (no open week)'}</h2>
${r.open ? `<p>${field('open-bets', String(r.openBets.length))} bets, total stake ${field('open-staked', money(staked))}, at the prices imported ${escape(r.open.pricesImportedAt)} (priced ${escape(r.open.pricedAt)}). Bankroll at the week's start ${field('open-bankroll', money(r.open.decided.input.state.bankrollCents))}.</p>` : ''}
${slipRows.length === 0 ? '<p class="none">No bet this week: no price offered value under the run\'s rules.</p>' : `<table><thead><tr><th>Kick-off</th><th>Match</th><th>Selection</th><th class="n">Odds</th><th class="n">Stake</th><th class="n">Edge</th><th class="n">Model</th><th class="n">Market</th></tr></thead><tbody>${slipRows.join('')}</tbody></table>`}
<h2>Settled week</h2>
${lastSettled ? `<p>Week ${field('settled-week', String(lastSettled.week))} (${escape(lastSettled.weekStart)} to ${escape(lastSettled.weekEnd)}): ${field('settled-bets', String(lastSettled.betsPlaced))} bets, staked ${field('settled-staked', money(lastSettled.stakedCents))}, profit ${field('settled-profit', money(lastSettled.profitCents))}, bankroll ${field('settled-bankroll', money(lastSettled.bankrollEndCents))}.</p>
${settledRows.length === 0 ? '' : `<table><thead><tr><th>Match</th><th>Selection</th><th class="n">Odds</th><th class="n">Stake</th><th>Result</th><th class="n">Profit</th><th class="n">CLV</th></tr></thead><tbody>${settledRows.join('')}</tbody></table>`}` : '<p class="none">No week settled yet.</p>'}
<h2>Bankroll</h2>
${bankrollSvg(r.history)}
<h2>Season so far</h2>
${kpis && scores ? `<dl>
<dt>Bankroll</dt><dd>${field('bankroll', money(kpis.bankrollCents))} (started ${money(kpis.startingBankrollCents)})</dd>
<dt>Bets, staked, profit</dt><dd>${field('bets', String(kpis.bets))} bets, ${field('staked', money(kpis.stakedCents))} staked, ${field('profit', money(kpis.profitCents))} profit</dd>
<dt>ROI</dt><dd>${field('roi', pct(kpis.roi))}${kpis.roiInterval ? ` (95% interval ${pct(kpis.roiInterval[0])} to ${pct(kpis.roiInterval[1])})` : ''}</dd>
<dt>CLV so far</dt><dd>${kpis.clv ? `${field('clv', pct(kpis.clv.mean))} mean over ${kpis.clv.bets} bets, ${pct(kpis.clv.beatCloseShare)} beat the close` : field('clv', 'n/a (no closing prices yet)')}</dd>
<dt>Model vs market</dt><dd>Brier ${field('model-brier', num(scores.modelBrier))} vs ${field('market-brier', num(scores.marketBrier))}, RPS ${num(scores.modelRps)} vs ${num(scores.marketRps)} over ${scores.matches} matches (lower is better; the market is the ${escape(r.run.settings.priceSource === 'best' ? 'average' : r.run.settings.priceSource)} book without its margin)</dd>
</dl>` : '<p class="none">No week settled yet.</p>'}
<h2>Model versions and retrains</h2>
<ul>${retrains.join('') || '<li class="none">none yet</li>'}</ul>
</body></html>
`;
}

/** The bankroll after each settled week as an inline SVG line, the starting bankroll as week 0. */
function bankrollSvg(history: RunHistory): string {
  const points = [{ week: 0, cents: history.startingBankrollCents }, ...history.bankroll.map((b) => ({ week: b.week, cents: b.bankrollCents }))];
  if (points.length < 2) return '<p class="none">The chart starts once a week is settled.</p>';
  const width = 640;
  const height = 200;
  const pad = 36;
  const values = points.map((p) => p.cents);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const x = (week: number): number => pad + ((width - 2 * pad) * week) / points.at(-1)!.week;
  const y = (cents: number): number => height - pad - ((height - 2 * pad) * (cents - lo)) / span;
  const path = points.map((p) => `${x(p.week).toFixed(1)},${y(p.cents).toFixed(1)}`).join(' ');
  return `<svg role="img" aria-label="Bankroll by week" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">
<line x1="${pad}" y1="${y(history.startingBankrollCents).toFixed(1)}" x2="${width - pad}" y2="${y(history.startingBankrollCents).toFixed(1)}" stroke="#bbb" stroke-dasharray="4 4"/>
<polyline fill="none" stroke="#1f6feb" stroke-width="2" points="${path}"/>
${points.map((p) => `<circle data-week="${p.week}" data-cents="${p.cents}" cx="${x(p.week).toFixed(1)}" cy="${y(p.cents).toFixed(1)}" r="2.5" fill="#1f6feb"/>`).join('')}
<text x="4" y="${(y(hi) + 4).toFixed(1)}" font-size="11">${money(hi)}</text><text x="4" y="${(y(lo) + 4).toFixed(1)}" font-size="11">${money(lo)}</text>
<text x="${width - pad}" y="${height - 8}" font-size="11" text-anchor="end">week ${points.at(-1)!.week}</text>
</svg>`;
}

function writeIfChanged(file: string, content: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return;
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}
