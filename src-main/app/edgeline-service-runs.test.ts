import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import type { EdgelineService } from './edgeline-service';
import { ledgerWithSeasons, seasonFile } from '../season/testing/season-fixture';

describe('creating a run says what is wrong with its settings', () => {
  let service: EdgelineService;
  let dir: string;

  beforeAll(() => {
    ({ service, dir } = ledgerWithSeasons(['2223', '2324']));
  });

  afterAll(() => {
    service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const base = { name: 'r', div: 'E0', holdoutSeason: '2324' } as const;

  it('names the field and the rule for a value the schema refuses', () => {
    expect(() => service.createRun({ ...base, kellyMultiplier: 2 })).toThrow('Run settings, kellyMultiplier:');
    expect(() => service.createRun({ ...base, minOdds: 5, maxOdds: 3 })).toThrow('Run settings, maxOdds: minOdds must be below maxOdds');
    expect(() => service.createRun({ ...base, holdoutSeason: '2324', trainingSeasons: ['2324'] })).toThrow(
      'Run settings, trainingSeasons: The holdout season cannot also be a training season',
    );
  });

  it('refuses a holdout season or training seasons that are not imported', () => {
    expect(() => service.createRun({ ...base, holdoutSeason: '2425' })).toThrow(
      'Run settings, holdoutSeason: there are no E0 matches for season 2425; import that season first.',
    );
    expect(() => service.createRun({ ...base, trainingSeasons: ['2122', '2223'] })).toThrow('Run settings, trainingSeasons: 2122 not imported for E0.');
    expect(() => service.createRun({ ...base, holdoutSeason: '2223' })).toThrow(
      'Run settings, trainingSeasons: there is no E0 season before 2223 to train on; import earlier seasons.',
    );
  });

  it('asks for two training seasons before a feature model, and accepts Dixon-Coles on one', () => {
    expect(() => service.createRun({ ...base, modelKind: 'ensemble' })).toThrow(
      'Run settings, modelKind: the ensemble model learns from match features that need a season of history before them, so it needs at least two training seasons (1 available)',
    );
    expect(service.createRun({ ...base, modelKind: 'dixon-coles' })).toMatchObject({ status: 'new', weekCount: 36 });
  });

  it('refuses a sample size larger than the holdout season, and an unknown setting', () => {
    expect(() => service.createRun({ ...base, alertWindowMatches: 500 })).toThrow(
      'Run settings, alertWindowMatches: 500 matches is more than the 380 of E0 2324, so it could never be reached.',
    );
    expect(() => service.createRun({ ...base, kellyMultiplyer: 0.5 } as typeof base)).toThrow('Run settings, form: Unrecognized key: "kellyMultiplyer"');
  });
});

describe('a corrected season file (issue #11: Sheffield United v Everton moved from 2 to 3 September 2023)', () => {
  it('moves the match instead of adding a second one, and a run created before still refuses to continue', async () => {
    const { service, dir } = ledgerWithSeasons(['2223', '2324']);
    try {
      const run = service.createRun({ name: 'before the correction', div: 'E0', holdoutSeason: '2324', modelKind: 'dixon-coles' });
      const text = readFileSync(seasonFile('2324'), 'latin1').replace('E0,02/09/2023,12:30,Sheffield United,Everton', 'E0,03/09/2023,12:30,Sheffield United,Everton');
      const summary = service.importFiles([{ name: seasonFile('2324'), bytes: new Uint8Array(Buffer.from(text, 'latin1')) }]);
      expect(summary).toMatchObject({ files: 1, matches: 380, added: 0, changed: 1, unchanged: 379, removed: 0, failed: [] });
      expect(service.dataStatus().seasons.find((s) => s.season === '2324')).toEqual({ div: 'E0', season: '2324', matches: 380 });
      await expect(service.step(run.id)).rejects.toThrow(/was played on other match data than the ledger now holds for E0/);
    } finally {
      service.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
