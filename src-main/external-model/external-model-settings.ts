import { z } from 'zod';

/** The run settings of an external model (no Node imports: the IPC contract parses them). */
export const MODEL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const modelNameSchema = z.string().regex(MODEL_NAME_PATTERN, 'Model names are 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit');

/** What a run remembers of its model, to notice on resume that the model has changed. */
export const modelIdentitySchema = z
  .object({
    command: z.string(),
    args: z.array(z.string()),
    cwd: z.string(),
    /** sha256 of each file in `cwd` that the command or its arguments name, by relative path. */
    files: z.array(z.object({ path: z.string(), sha256: z.string() }).strict()),
  })
  .strict();

export type ModelIdentity = z.infer<typeof modelIdentitySchema>;

export const DEFAULT_EXTERNAL_TIMEOUT_SECONDS = 60;

/**
 * A run priced by a registered model. Only the name comes from the user's form; `identity` is
 * filled by the service from the models file when the run is created (whatever the input said).
 */
export const externalModelSettingsSchema = z
  .object({
    name: modelNameSchema,
    /** Hand the model its fixtures' pre-match prices; the run is then labelled market-informed. */
    marketInformed: z.boolean().default(false),
    /** How long one train or predict call may take before the model is stopped. */
    timeoutSeconds: z.number().int().min(1).max(3600).default(DEFAULT_EXTERNAL_TIMEOUT_SECONDS),
    identity: modelIdentitySchema.optional(),
  })
  .strict();

export type ExternalModelSettings = z.infer<typeof externalModelSettingsSchema>;

/** A run priced from a predictions file; filled by the service from the attached file, never from a form. */
export const importedPredictionsSettingsSchema = z
  .object({
    fileName: z.string().min(1).max(260),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    rows: z.number().int().positive(),
  })
  .strict();

/** The labels a run's results carry wherever they are shown. */
export type ProvenanceLabel = 'market-informed' | 'look-ahead not verifiable';

/**
 * The honesty labels of a run: "market-informed" when its model was handed bookmaker prices
 * (its scores against the market are then not a model's own), "look-ahead not verifiable" when
 * its probabilities were imported rather than computed by a model Edgeline fed only the past.
 */
export function provenanceOf(settings: { readonly externalModel?: { readonly marketInformed: boolean }; readonly importedPredictions?: unknown }): ProvenanceLabel[] {
  const labels: ProvenanceLabel[] = [];
  if (settings.externalModel?.marketInformed) labels.push('market-informed');
  if (settings.importedPredictions !== undefined) labels.push('look-ahead not verifiable');
  return labels;
}

/** How a run's model is named on screens and in reports: the built-in kind, or the registered name. */
export function modelLabelOf(settings: { readonly modelKind: string; readonly externalModel?: { readonly name: string }; readonly importedPredictions?: { readonly fileName: string } }): string {
  if (settings.externalModel) return `external: ${settings.externalModel.name}`;
  if (settings.importedPredictions) return `imported: ${settings.importedPredictions.fileName}`;
  return settings.modelKind;
}
