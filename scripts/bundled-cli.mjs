// Runs a command-line entry point (src-main/cli/<name>.ts) from a prebuilt JavaScript bundle,
// building the bundle first when it is missing or older than any source file it was built from.
//
//   node scripts/bundled-cli.mjs weekly [args...]     run `weekly` (what `npm run weekly` does)
//   node scripts/bundled-cli.mjs --build weekly       only (re)build out/cli/weekly.mjs
//
// Why: a scheduled command pays its start-up on every call. Through tsx, transpiling the sources
// took most of `weekly`'s 2 s budget for a call with nothing new; a bundle loads in a fraction of
// that. npm packages stay external (resolved from node_modules as usual: better-sqlite3 is native,
// and TF.js is imported lazily only when a model needs it), so the bundle holds our code alone
// and builds in well under a second on a fresh clone. The bundle's entry exports `main(argv)`.
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Paths of one entry point's source, bundle and build record. */
export function bundlePaths(name) {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`bundled-cli: ${JSON.stringify(name)} is not a command name like weekly`);
  return {
    entry: join(root, 'src-main', 'cli', `${name}.ts`),
    bundle: join(root, 'out', 'cli', `${name}.mjs`),
    meta: join(root, 'out', 'cli', `${name}.meta.json`),
  };
}

const mtimeOf = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
};

/**
 * Stale when the bundle or its record is missing, or when any file the bundle was built from
 * (every source it includes, as esbuild's metafile lists them), tsconfig.json, package.json or
 * this script changed after it. A new source file can only matter through an edit to a file that
 * imports it, which is listed.
 */
export function isStale(name) {
  const { bundle, meta } = bundlePaths(name);
  const built = mtimeOf(bundle);
  if (built === null || mtimeOf(meta) === null) return true;
  let inputs;
  try {
    inputs = Object.keys(JSON.parse(readFileSync(meta, 'utf8')).inputs);
  } catch {
    return true;
  }
  const watched = [...inputs.map((input) => join(root, input)), join(root, 'tsconfig.json'), join(root, 'package.json'), fileURLToPath(import.meta.url)];
  return watched.some((file) => {
    const changed = mtimeOf(file);
    return changed === null || changed > built;
  });
}

/** Builds out/cli/<name>.mjs; writes beside it and renames, so a concurrent call never loads half a file. */
export async function buildBundle(name) {
  const { entry, bundle, meta } = bundlePaths(name);
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    write: false,
    outfile: bundle,
    logLevel: 'warning',
  });
  mkdirSync(dirname(bundle), { recursive: true });
  const temporary = `${bundle}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].contents);
  writeFileSync(`${meta}.${process.pid}.tmp`, JSON.stringify({ inputs: result.metafile.inputs }));
  renameSync(`${meta}.${process.pid}.tmp`, meta);
  renameSync(temporary, bundle);
  return relative(root, bundle);
}

/**
 * better-sqlite3 is built for one ABI at a time and `npm start` rebuilds it for Electron: rebuild
 * it for Node when Node cannot load it (as scripts/ensure-node-sqlite.mjs does for the tests),
 * reporting on stderr so that `--json` output stays one JSON object.
 */
function ensureNodeSqlite() {
  const require = createRequire(import.meta.url);
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
  } catch (error) {
    process.stderr.write(`better-sqlite3 does not load under Node (${error.message.split('\n')[0]}); rebuilding it for Node\n`);
    execSync('npm rebuild better-sqlite3', { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  }
}

async function main(argv) {
  if (argv[0] === '--build') {
    for (const name of argv.slice(1)) console.log(`built ${await buildBundle(name)}`);
    return;
  }
  const [name, ...args] = argv;
  if (name === undefined) throw new Error('usage: node scripts/bundled-cli.mjs <command> [args...] | --build <command>...');
  if (isStale(name)) await buildBundle(name);
  ensureNodeSqlite();
  const entry = await import(pathToFileURL(bundlePaths(name).bundle).href);
  await entry.main(args);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
