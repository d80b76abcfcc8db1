import type { Triple } from '../domain/football/outcome';
import type { Fixture } from '../model/fixture';
import { NON_FINITE_PREFIX } from './protocol';

/** How far from 1 a triple may sum (rounding in the model's own arithmetic). */
export const SUM_TOLERANCE = 1e-6;

const FIELDS = ['pH', 'pD', 'pA'] as const;

/** A fixture as a bettor reads it: "Arsenal v Chelsea on 2023-08-12". */
export function describeFixture(f: Pick<Fixture, 'homeTeam' | 'awayTeam' | 'date'>): string {
  return `${f.homeTeam} v ${f.awayTeam} on ${f.date}`;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string' && value.startsWith(NON_FINITE_PREFIX)) return value.slice(NON_FINITE_PREFIX.length);
  if (value === undefined) return 'missing';
  return JSON.stringify(value);
}

/**
 * Checks a model's answer for one week and returns the triples in fixture order. Every fixture
 * must be priced exactly once (by its Id), with three finite probabilities in [0, 1] summing to 1
 * within SUM_TOLERANCE. Throws the first fault found, naming the fixture and the field, so the
 * user can find the row in their own code. Pure: no I/O.
 */
export function validatePredictions(fixtures: readonly Fixture[], predictions: readonly unknown[]): Triple[] {
  const byId = new Map(fixtures.map((f) => [f.id, f]));
  const seen = new Map<string, Triple>();
  predictions.forEach((entry, index) => {
    const where = `prediction ${index + 1}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error(`${where} is ${describeValue(entry)}, not an object {"id", "pH", "pD", "pA"}`);
    const record = entry as Record<string, unknown>;
    const id = record.id;
    if (typeof id !== 'string') throw new Error(`${where} has no fixture "id" (got ${describeValue(id)})`);
    const fixture = byId.get(id);
    if (!fixture) throw new Error(`${where} prices ${JSON.stringify(id)}, which is not one of this week's fixtures`);
    if (seen.has(id)) throw new Error(`${describeFixture(fixture)} (${id}) is priced twice (again in ${where})`);
    const triple = FIELDS.map((field) => {
      const value = record[field];
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${describeFixture(fixture)}: ${field} is ${describeValue(value)}, not a finite number`);
      if (value < 0 || value > 1) throw new Error(`${describeFixture(fixture)}: ${field} is ${value}, outside [0, 1]`);
      return value;
    }) as unknown as Triple;
    const sum = triple[0] + triple[1] + triple[2];
    if (Math.abs(sum - 1) > SUM_TOLERANCE) throw new Error(`${describeFixture(fixture)}: pH + pD + pA = ${Number(sum.toFixed(9))}, not 1 (within ${SUM_TOLERANCE})`);
    seen.set(id, triple);
  });
  const missing = fixtures.filter((f) => !seen.has(f.id));
  if (missing.length > 0) {
    const names = missing.slice(0, 3).map((f) => `${describeFixture(f)} (${f.id})`).join('; ');
    throw new Error(`${predictions.length} predictions for ${fixtures.length} fixtures: ${missing.length} not priced, first ${names}`);
  }
  return fixtures.map((f) => seen.get(f.id)!);
}
