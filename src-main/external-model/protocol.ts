import { z } from 'zod';

/**
 * The external-model protocol (docs/external-models.md): line-delimited JSON over the child's
 * stdin/stdout, one request in flight at a time, bulk data in files. Bump the version when a
 * message changes shape; a model answering another version is refused by name.
 */
export const PROTOCOL_VERSION = 1;

/** One answer line longer than this is refused: a week's answer is a few kilobytes. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

export type ModelRequest =
  | { readonly type: 'hello'; readonly protocol: number; readonly model: string }
  | {
      readonly type: 'train';
      readonly id: number;
      /** CSV of every match that kicked off before `cutoff`. */
      readonly history: string;
      readonly cutoff: string;
      readonly seed: number;
      /** An empty folder this model version may write its state into. */
      readonly stateDir: string;
      readonly marketInformed: boolean;
    }
  | {
      readonly type: 'predict';
      readonly id: number;
      /** CSV of the week's fixtures: no result or in-match column. */
      readonly fixtures: string;
      readonly history: string;
      readonly cutoff: string;
      /** The state folder of the model version to price with (one this process trained). */
      readonly stateDir: string;
    }
  | { readonly type: 'shutdown' };

const computeMs = z.number().nonnegative().optional();

export const helloAnswerSchema = z.object({ type: z.literal('hello'), protocol: z.number(), name: z.string().optional() });

export const trainedAnswerSchema = z.object({ type: z.literal('trained'), id: z.number(), computeMs });

/** Probabilities are checked one by one (validate-predictions.ts) so a bad one is named with its fixture. */
export const predictionsAnswerSchema = z.object({
  type: z.literal('predictions'),
  id: z.number(),
  predictions: z.array(z.unknown()),
  computeMs,
});

export const errorAnswerSchema = z.object({ type: z.literal('error'), id: z.number().optional(), message: z.string() });

/** A bare NaN / Infinity, as Python's json.dumps writes them, turned into a value validation can name. */
export const NON_FINITE_PREFIX = '__edgeline_non_finite__:';

/**
 * Parses one answer line. JSON has no NaN or Infinity, but Python writes them by default; they are
 * kept as marked strings so the message can say "pH is NaN" rather than "not JSON".
 */
export function parseAnswerLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    const marked = line.replace(/([:,[]\s*)(-?Infinity|NaN)(?=\s*[,}\]])/g, (_m, before: string, token: string) => `${before}"${NON_FINITE_PREFIX}${token}"`);
    if (marked !== line) {
      try {
        return JSON.parse(marked);
      } catch {
        // fall through to the original message
      }
    }
    throw error;
  }
}
