import { z } from 'zod';
import { DEFAULT_MARGIN_METHOD, MARGIN_METHODS } from '../domain/betting/margin-removal';
import { DEFAULT_STAKING, STAKING_MODES } from '../domain/betting/stake-sizing';
import { DEFAULT_MODEL_CONFIG, MODEL_KINDS } from '../model/outcome-model';
import { MAX_TEAMS_PER_DIVISION } from '../ingest/division-rules';
import { externalModelSettingsSchema, importedPredictionsSettingsSchema } from '../external-model/external-model-settings';
import { REFERENCE_BOOKS } from '../domain/betting/market-consensus';
import { PRICE_SOURCES } from '../domain/betting/price-source';
import { DEFAULT_PRIOR_FIT_SEASONS, DEFAULT_STRATEGY_ID, NAMED_STRATEGIES, PROBABILITY_SOURCE_KINDS } from '../domain/betting/strategy';

/** The default run plays the strategy with the best closing-line value on the tuning seasons (docs/betting.md "Strategies"). */
const DEFAULT_STRATEGY = NAMED_STRATEGIES[DEFAULT_STRATEGY_ID];
const DEFAULT_REFERENCE = DEFAULT_STRATEGY.probabilitySource.kind === 'model' ? 'pinnacle' : DEFAULT_STRATEGY.probabilitySource.reference;

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);

/** Bookmakers quote from 1.01; no 1X2 price in any football-data file reaches 1000 (the importer's bound too). */
const odds = z.number().min(1.01, 'Odds bounds must be at least 1.01').max(1000, 'Odds bounds must be at most 1000');
/** A count of matches no larger than a season: 24 teams playing each other home and away (see ingest/division-rules.ts). */
const MAX_MATCHES_PER_SEASON = MAX_TEAMS_PER_DIVISION * (MAX_TEAMS_PER_DIVISION - 1);
const matchCount = z.number().int().max(MAX_MATCHES_PER_SEASON, `No season has more than ${MAX_MATCHES_PER_SEASON} matches`);

const POOL_WEIGHT_MESSAGE = 'poolWeight is "fitted" (fitted on the seasons before the holdout) or a number from 0 (the market) to 1 (the model)';

/** What the run measured on the seasons before its holdout when it started (domain/betting/prior-season-fit.ts). */
const priorSeasonFitSchema = z
  .object({
    seasons: z.array(z.string().regex(/^\d{4}$/)).min(1).readonly(),
    matches: z.number().int().min(0),
    poolWeight: z.object({ weight: z.number().min(0).max(1), unconstrainedWeight: z.number(), standardError: z.number().min(0) }).strict().nullable(),
    calibration: z.array(z.object({ count: z.number().int().min(0), forecastSum: z.number().min(0), hits: z.number().int().min(0) }).strict()).min(1).readonly().nullable(),
  })
  .strict();

/**
 * Everything that defines a simulation run. Stored whole with the run, so a result can always
 * be reproduced: same settings + same data fingerprint => the same ledger, bet for bet.
 * Defaults come from the betting core and the models (one source of truth each) and are
 * justified in docs/simulator.md, docs/betting.md and docs/models.md.
 */
export const runSettingsSchema = z
  .object({
    name: z.string().trim().min(1, 'A run needs a name').max(80),
    div: z.string().regex(/^[A-Z0-9]{1,4}$/, 'Division codes look like E0, SP1, D1'),
    holdoutSeason: z.string().regex(/^\d{4}$/, 'Seasons are written like 2324 for 2023-24'),
    /** Seasons the initial model is trained on; empty = every season before the holdout. */
    trainingSeasons: z.array(z.string().regex(/^\d{4}$/)).default([]),
    modelKind: enumOf(MODEL_KINDS).default(DEFAULT_MODEL_CONFIG.kind),
    /** A registered external model prices the run instead of `modelKind` (docs/external-models.md). */
    externalModel: externalModelSettingsSchema.optional(),
    /** Probabilities imported from a file instead of any model (labelled "look-ahead not verifiable"). */
    importedPredictions: importedPredictionsSettingsSchema.optional(),
    marginMethod: enumOf(MARGIN_METHODS).default(DEFAULT_MARGIN_METHOD),
    /** The strategy's name as the run form offered it (a strategy edited after choosing keeps the name it started from). */
    strategyName: z.string().trim().min(1).max(80).default(DEFAULT_STRATEGY.name),
    /** Where the bets' probabilities come from; the model's own scores always come from the model alone. */
    probabilitySource: enumOf(PROBABILITY_SOURCE_KINDS).default(DEFAULT_STRATEGY.probabilitySource.kind),
    /** The book whose fair pre-match prices are the market consensus (market-consensus and model-shrunk-to-market). */
    referenceBook: enumOf(REFERENCE_BOOKS).default(DEFAULT_REFERENCE),
    /**
     * The model's weight in the logistic pool with the market (model-shrunk-to-market): 0 = market,
     * 1 = model, or "fitted": maximum likelihood on the model's out-of-sample forecasts of the
     * `priorFitSeasons` seasons before the holdout, made before the first week.
     */
    poolWeight: z
      .union([z.literal('fitted'), z.number().min(0).max(1)], { error: POOL_WEIGHT_MESSAGE })
      .default('fitted'),
    /** How many seasons before the holdout the fitted pool weight and the calibration error are measured on. */
    priorFitSeasons: z
      .number({ error: 'priorFitSeasons must be a whole number of seasons' })
      .int('priorFitSeasons must be a whole number of seasons')
      .min(1, 'Fit on at least one season before the holdout')
      .max(10, 'Fit on at most 10 seasons before the holdout')
      .default(DEFAULT_PRIOR_FIT_SEASONS),
    /** Kelly multiplied by calibrationKellyScale with the calibration error of the strategy's own past forecasts (docs/betting.md). */
    shrinkKellyByCalibration: z.boolean().default(DEFAULT_STRATEGY.staking.shrinkByCalibration),
    /** Written once, before the first week, by the run itself: what it measured on the seasons before its holdout. Not a setting to edit. */
    priorSeasonFit: priorSeasonFitSchema.optional(),
    /** Which pre-match prices bets are struck at ("max" is the old name of "best" in stored runs). */
    priceSource: z.preprocess((v) => (v === 'max' ? 'best' : v), enumOf(PRICE_SOURCES)).default(DEFAULT_STRATEGY.priceSource),
    /** Edges above this are rejected as more likely model error than value; null = no limit. */
    maxCredibleEdge: z.number().gt(0).nullable().default(Number.isFinite(DEFAULT_STRATEGY.filters.maxCredibleEdge) ? DEFAULT_STRATEGY.filters.maxCredibleEdge : null),
    /** Level staking: this fraction of the week-start bankroll on every bet; null = Kelly (kellyMultiplier, stakingMode). */
    flatStakeFraction: z.number().gt(0).max(1).nullable().default(null),
    stakingMode: enumOf(STAKING_MODES).default(DEFAULT_STAKING.mode),
    kellyMultiplier: z.number().gt(0).max(1).default(DEFAULT_STAKING.kellyMultiplier),
    minEdge: z.number().min(0).max(1).default(DEFAULT_STRATEGY.filters.minEdge),
    minOdds: odds.default(DEFAULT_STRATEGY.filters.minOdds),
    maxOdds: odds.default(DEFAULT_STRATEGY.filters.maxOdds),
    maxStakeFraction: z.number().gt(0).max(1).default(DEFAULT_STAKING.maxStakeFraction),
    maxWeeklyExposureFraction: z.number().gt(0).max(1).default(DEFAULT_STAKING.maxWeeklyExposureFraction),
    oneOutcomePerMatch: z.boolean().default(DEFAULT_STAKING.oneOutcomePerMatch),
    startingBankrollCents: z.number().int().positive().max(1e13).default(1_000_000),
    /** Refit the model every k weeks (0 = never on schedule). */
    retrainEveryWeeks: z.number().int().min(0).max(52).default(4),
    retrainOnDegradation: z.boolean().default(true),
    /** Matches the model must have been judged on since its last fit before degradation can trigger a refit. */
    retrainMinMatches: matchCount.min(10).default(40),
    /** Alert when rolling model Brier exceeds the market's by more than this. */
    alertBrierGap: z.number().min(0).max(2).default(0.02),
    alertWindowMatches: matchCount.min(10).default(50),
    /** Alert when the drawdown from the running peak exceeds this fraction. */
    alertDrawdown: z.number().gt(0).max(1).default(0.2),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
  })
  // A misspelt setting must be an error, not a silently ignored key and a run on the default.
  .strict()
  .refine((s) => s.minOdds < s.maxOdds, { message: 'minOdds must be below maxOdds', path: ['maxOdds'] })
  .refine((s) => s.maxCredibleEdge === null || s.maxCredibleEdge > s.minEdge, { message: 'maxCredibleEdge must be above minEdge', path: ['maxCredibleEdge'] })
  .refine((s) => !(s.shrinkKellyByCalibration && s.flatStakeFraction !== null), {
    message: 'Kelly shrunk by calibration error needs Kelly staking; clear flatStakeFraction or turn shrinkKellyByCalibration off',
    path: ['shrinkKellyByCalibration'],
  })
  .refine((s) => !s.trainingSeasons.includes(s.holdoutSeason), {
    message: 'The holdout season cannot also be a training season',
    path: ['trainingSeasons'],
  });

export type RunSettings = z.infer<typeof runSettingsSchema>;
export type RunSettingsInput = z.input<typeof runSettingsSchema>;
