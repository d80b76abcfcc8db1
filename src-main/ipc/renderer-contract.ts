/**
 * Everything the renderer may use of the main side, in one module: the IPC contract's types,
 * the views its channels return, and the one pure helper both sides share. The types are
 * erased at build time, so the renderer bundle takes nothing from here but `seasonRange`
 * (which has no imports). eslint.config.js refuses any other import from src-main in
 * src-renderer, and any value export here but the allowed ones.
 */
export type { Channel, ChannelInput, ChannelOutput, JobChannel, JobKindOf, JobResult, JobTicket, LiveOverviewWithJobs } from './contract';
export type { AppError, ErrorCode, Result } from './result';
export type { MenuCommand } from './menu-command';
export type { EdgelineJobStatus } from '../jobs/edgeline-task';
export type { DataStatus, ImportSummary, SlipExport, TaskProgress } from '../app/edgeline-service';
export type { RunSettings, RunSettingsInput } from '../season/run-settings';
export type { LiveOverview, LiveRefreshOutcome, LiveRunSettingsInput, LiveWeekView, OpenBetView, OpenWeekView, SettledWeekView } from '../app/live-season-service';
export type { WeeklyOutcome } from '../season/weekly';
export type { AlertNotification } from '../app/alert-notifier';
export type {
  AlertView,
  BankrollPoint,
  BetCandidateView,
  LiveRunStatus,
  CalibrationBin,
  DashboardKpis,
  DashboardView,
  MatchView,
  RejectionCode,
  RetrainView,
  RunStatus,
  RunSummary,
  ScoreComparison,
  WeeklyPerformanceRow,
  WeekView,
} from '../season/season-views';
export type { Outcome, Triple } from '../domain/football/outcome';
export type { Verdict } from '../domain/evaluation/verdict';
export { seasonRange } from '../ingest/season-range';
export { breakEvenWinRate } from '../domain/evaluation/break-even';
export { NAMED_STRATEGY_IDS, namedStrategySettings, type NamedStrategyId } from '../season/strategy-settings';
