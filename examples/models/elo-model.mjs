#!/usr/bin/env node
// An Elo model as an Edgeline external model (protocol version 1, docs/external-models.md),
// Node standard library only. Ratings run through the history in date order (K = 20, 60 points
// of home advantage, a third of the way back to 1500 between seasons); the draw probability
// is largest between equal teams. Logs go to stderr: stdout carries only answers.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { createInterface } from 'node:readline';

const PROTOCOL_VERSION = 1;
const K = 20;
const HOME_ADVANTAGE = 60;
const SEASON_REGRESSION = 1 / 3;
const BASE_DRAW = 0.27;

/** A small CSV reader for the files Edgeline writes (RFC 4180; quoted cells only where needed). */
function readCsv(file) {
  const text = readFileSync(file, 'utf8');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

function fit(history) {
  const ratings = new Map();
  let season = null;
  for (const m of history) {
    if (m.Season !== season) {
      season = m.Season;
      for (const [team, r] of ratings) ratings.set(team, r + (1500 - r) * SEASON_REGRESSION);
    }
    const home = ratings.get(m.HomeTeam) ?? 1450;
    const away = ratings.get(m.AwayTeam) ?? 1450;
    const expected = 1 / (1 + 10 ** (-(home + HOME_ADVANTAGE - away) / 400));
    const score = m.FTR === 'H' ? 1 : m.FTR === 'D' ? 0.5 : 0;
    ratings.set(m.HomeTeam, home + K * (score - expected));
    ratings.set(m.AwayTeam, away - K * (score - expected));
  }
  return Object.fromEntries([...ratings].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function price(ratings, homeTeam, awayTeam) {
  const home = ratings[homeTeam] ?? 1450;
  const away = ratings[awayTeam] ?? 1450;
  const expected = 1 / (1 + 10 ** (-(home + HOME_ADVANTAGE - away) / 400));
  const pD = BASE_DRAW * (1 - Math.abs(2 * expected - 1));
  const pH = Math.max(0.01, expected - pD / 2);
  const pA = Math.max(0.01, 1 - expected - pD / 2);
  const total = pH + pD + pA;
  return { pH: pH / total, pD: pD / total, pA: pA / total };
}

const models = new Map();
const send = (answer) => process.stdout.write(`${JSON.stringify(answer)}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === '') continue;
  const request = JSON.parse(line);
  const started = performance.now();
  switch (request.type) {
    case 'hello':
      send({ type: 'hello', protocol: PROTOCOL_VERSION, name: 'Elo (Node example)' });
      break;
    case 'train': {
      const ratings = fit(readCsv(request.history));
      writeFileSync(path.join(request.stateDir, 'ratings.json'), JSON.stringify(ratings));
      models.set(request.stateDir, ratings);
      send({ type: 'trained', id: request.id, computeMs: performance.now() - started });
      break;
    }
    case 'predict': {
      const ratings = models.get(request.stateDir) ?? JSON.parse(readFileSync(path.join(request.stateDir, 'ratings.json'), 'utf8'));
      const predictions = readCsv(request.fixtures).map((f) => ({ id: f.Id, ...price(ratings, f.HomeTeam, f.AwayTeam) }));
      send({ type: 'predictions', id: request.id, predictions, computeMs: performance.now() - started });
      break;
    }
    case 'shutdown':
      process.exit(0);
      break;
    default:
      send({ type: 'error', id: request.id, message: `unknown request type ${JSON.stringify(request.type)}` });
  }
}
