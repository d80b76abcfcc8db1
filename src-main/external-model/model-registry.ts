import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defaultUserDataDir } from '../cli/serve-args';
import { ExternalModelError } from './external-model-error';
import { modelNameSchema, type ModelIdentity } from './external-model-settings';

export type { ModelIdentity } from './external-model-settings';

/**
 * The models file: the only place an external model's command is declared. The app, the HTTP
 * API and the run settings name a model; only the user (through this file or `npm run models`)
 * says what that name runs, so no page can make the app start an arbitrary command.
 */
export const registeredModelSchema = z
  .object({
    name: modelNameSchema,
    command: z.string().min(1, 'A model needs a command'),
    args: z.array(z.string()).default([]),
    /** Absolute path of the folder the command runs in. */
    cwd: z.string().min(1),
  })
  .strict();

export type RegisteredModel = z.infer<typeof registeredModelSchema>;

const modelsFileSchema = z.object({ version: z.literal(1), models: z.array(registeredModelSchema) }).strict();

/** `models.json` in the user-data folder: EDGELINE_USER_DATA when set, else where the desktop app keeps its data. */
export function modelsFileOf(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return path.join(env.EDGELINE_USER_DATA ?? defaultUserDataDir(env, platform), 'models.json');
}

export function readModels(file: string): RegisteredModel[] {
  if (!existsSync(file)) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Models file ${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = modelsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Models file ${file}, ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data.models;
}

function writeModels(file: string, models: readonly RegisteredModel[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ version: 1, models }, null, 2)}\n`);
  renameSync(temp, file);
}

export function findModel(file: string, name: string): RegisteredModel {
  const models = readModels(file);
  const model = models.find((m) => m.name === name);
  if (!model) {
    const known = models.length > 0 ? `registered: ${models.map((m) => m.name).join(', ')}` : 'none is registered yet';
    throw new ExternalModelError('not-registered', `No external model named "${name}" in ${file} (${known}). Register one with: npm run models -- add ${name} --cwd DIR -- COMMAND [ARGS...]`);
  }
  return model;
}

/** Adds a model; the name must be new and the working folder must exist. Returns the stored entry. */
export function addModel(file: string, input: { name: string; command: string; args: readonly string[]; cwd: string }): RegisteredModel {
  const parsed = registeredModelSchema.safeParse({ ...input, args: [...input.args], cwd: path.resolve(input.cwd) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.')}: ${issue.message}`);
  }
  const model = parsed.data;
  if (!existsSync(model.cwd) || !statSync(model.cwd).isDirectory()) throw new Error(`--cwd ${model.cwd} is not a folder`);
  const models = readModels(file);
  if (models.some((m) => m.name === model.name)) throw new Error(`A model named "${model.name}" is already registered in ${file}; remove it first`);
  writeModels(file, [...models, model]);
  return model;
}

export function removeModel(file: string, name: string): void {
  const models = readModels(file);
  if (!models.some((m) => m.name === name)) findModel(file, name);
  writeModels(file, models.filter((m) => m.name !== name));
}

/**
 * The command, arguments, folder and the sha256 of every file in the folder that the command or
 * an argument names (`model.py`, `weights/v3.json`): the parts of a model a run depends on.
 * Files outside the folder (the Python interpreter, installed packages) are not hashed.
 */
export function modelIdentityOf(model: RegisteredModel): ModelIdentity {
  const files = new Map<string, string>();
  for (const token of [model.command, ...model.args]) {
    const candidate = path.resolve(model.cwd, token);
    const relative = path.relative(model.cwd, candidate);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
    if (!existsSync(candidate) || !statSync(candidate).isFile()) continue;
    files.set(relative.split(path.sep).join('/'), createHash('sha256').update(readFileSync(candidate)).digest('hex'));
  }
  return {
    command: model.command,
    args: [...model.args],
    cwd: model.cwd,
    files: [...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, sha256]) => ({ path: p, sha256 })),
  };
}

/** Why `current` is not the model a run was played with, in the user's terms; null when it is. */
export function describeModelChange(name: string, recorded: ModelIdentity, current: ModelIdentity): string | null {
  const changes: string[] = [];
  if (recorded.command !== current.command || JSON.stringify(recorded.args) !== JSON.stringify(current.args)) {
    changes.push(`its command changed from "${[recorded.command, ...recorded.args].join(' ')}" to "${[current.command, ...current.args].join(' ')}"`);
  }
  if (recorded.cwd !== current.cwd) changes.push(`its folder changed from ${recorded.cwd} to ${current.cwd}`);
  const now = new Map(current.files.map((f) => [f.path, f.sha256]));
  for (const file of recorded.files) {
    const sha = now.get(file.path);
    if (sha === undefined) changes.push(`${file.path} is gone`);
    else if (sha !== file.sha256) changes.push(`${file.path} changed (sha256 ${file.sha256.slice(0, 12)}… -> ${sha.slice(0, 12)}…)`);
  }
  if (changes.length === 0) return null;
  return `Model "${name}" is not the one this run was played with: ${changes.join('; ')}. The weeks already in the ledger were priced by the old model; reset the run to replay every week with the changed model, or restore the old files to continue.`;
}
