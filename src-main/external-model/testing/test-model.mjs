#!/usr/bin/env node
// A deliberately simple external model for tests, with switches that make it break one promise
// of the protocol at a time. It prices every fixture by the home/draw/away shares of its
// history (so it is deterministic), and from the week starting --bad-from on (default: never)
// it misbehaves as --mode says:
//   wrong-count | nan | negative | sum | malformed | huge | hang | crash | unknown-id | error | stdout-noise
// --record DIR   copies every file it is handed into DIR (with the request), for the leakage test
// --pid-file F   writes its pid to F at start (orphan tests)
// --protocol N   answers hello with protocol N
// --crash-if-exists F   exits with code 3 at predict time while F exists (a "fixable" crash)
// --noisy-state  writes a timestamp into its state folder (a model that cannot be restored)
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { createInterface } from 'node:readline';

const args = process.argv.slice(2);
const flag = (name, fallback = null) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const mode = flag('mode', 'good');
const badFrom = flag('bad-from', '9999-12-31');
const record = flag('record');
const protocol = Number(flag('protocol', '1'));
const crashIfExists = flag('crash-if-exists');
const pidFile = flag('pid-file');
const noisyState = args.includes('--noisy-state');
if (pidFile) writeFileSync(pidFile, String(process.pid));

let requestCount = 0;
const shares = new Map();

function rows(file) {
  const [header, ...lines] = readFileSync(file, 'utf8').split('\r\n').filter((l) => l !== '');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])));
}

function keep(kind, request, files) {
  if (!record) return;
  requestCount += 1;
  const dir = path.join(record, String(requestCount).padStart(3, '0'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'request.json'), JSON.stringify({ kind, ...request }));
  for (const [name, file] of Object.entries(files)) copyFileSync(file, path.join(dir, `${name}.csv`));
}

const send = (answer) => process.stdout.write(`${typeof answer === 'string' ? answer : JSON.stringify(answer)}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const request = JSON.parse(line);
  const started = performance.now();
  const computeMs = () => performance.now() - started;
  if (request.type === 'hello') {
    send({ type: 'hello', protocol });
  } else if (request.type === 'train') {
    keep('train', request, { history: request.history });
    const history = rows(request.history);
    const count = (r) => history.filter((m) => m.FTR === r).length / history.length;
    const triple = [count('H'), count('D'), count('A')];
    shares.set(request.stateDir, triple);
    writeFileSync(path.join(request.stateDir, 'shares.json'), JSON.stringify(noisyState ? { triple, trainedAt: Date.now() + Math.random() } : triple));
    send({ type: 'trained', id: request.id, computeMs: computeMs() });
  } else if (request.type === 'predict') {
    keep('predict', request, { fixtures: request.fixtures, history: request.history });
    const fixtures = rows(request.fixtures);
    const [pH, pD] = shares.get(request.stateDir);
    const predictions = fixtures.map((f) => ({ id: f.Id, pH, pD, pA: 1 - pH - pD }));
    if (crashIfExists && existsSync(crashIfExists)) {
      process.stderr.write(`test model: giving up on the week of ${request.cutoff}\n`);
      process.exit(3);
    }
    if (request.cutoff < badFrom) {
      send({ type: 'predictions', id: request.id, predictions, computeMs: computeMs() });
      continue;
    }
    process.stderr.write(`test model: misbehaving (${mode}) from ${request.cutoff}\n`);
    switch (mode) {
      case 'wrong-count': send({ type: 'predictions', id: request.id, predictions: predictions.slice(1) }); break;
      case 'nan': send(JSON.stringify({ type: 'predictions', id: request.id, predictions }).replace(/"pD":[0-9.e-]+/, '"pD":NaN')); break;
      case 'negative': predictions[0].pA = -0.1; predictions[0].pH += 0.1; send({ type: 'predictions', id: request.id, predictions }); break;
      case 'sum': predictions[0].pH += 0.1; send({ type: 'predictions', id: request.id, predictions }); break;
      case 'malformed': send(`{"type": "predictions", "id": ${request.id}, "predictions": [`); break;
      case 'huge': send({ type: 'predictions', id: request.id, predictions, padding: 'x'.repeat(2 * 1024 * 1024) }); break;
      case 'unknown-id': predictions[0].id = 'E0-2324-nowhere'; send({ type: 'predictions', id: request.id, predictions }); break;
      case 'error': send({ type: 'error', id: request.id, message: 'ratings file is missing' }); break;
      case 'stdout-noise': send('fitting...'); break;
      case 'crash': process.stderr.write('Traceback: ZeroDivisionError\n'); process.exit(3); break;
      // Blocks the whole process, stdin included: only a kill ends it.
      case 'hang': Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); break;
      default: throw new Error(`unknown mode ${mode}`);
    }
  } else if (request.type === 'shutdown') {
    process.exit(0);
  }
}
