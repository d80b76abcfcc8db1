import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFixturesCsv } from './football-data-fixtures-csv';
import { parseFootballDataCsv } from './football-data-csv';
import { ImportError } from './import-error';
import { fixturesCsvOf } from '../season/testing/live-data';
import { seasonFile } from '../season/testing/season-fixture';

const HEADER = 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,B365H,B365D,B365A,PSH,PSD,PSA,MaxH,MaxD,MaxA,AvgH,AvgD,AvgA';
const EPL = 'E0,30/11/2024,15:00,Brentford,Leicester,,,,1.53,4.5,5.75,1.55,4.6,5.9,1.57,4.75,6.1,1.52,4.45,5.7';
const LIGA = 'SP1,01/12/2024,21:00,Girona,Betis,,,,2.2,3.5,3.2,2.25,3.55,3.3,2.3,3.6,3.4,2.2,3.45,3.2';

const csv = (...lines: string[]): Uint8Array => new TextEncoder().encode(lines.join('\n') + '\n');
const file = { file: 'https://www.football-data.co.uk/fixtures.csv' };

function rejection(bytes: Uint8Array): string {
  try {
    parseFixturesCsv(bytes, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).message;
  }
  throw new Error('expected the file to be rejected');
}

describe('parseFixturesCsv', () => {
  it('reads every league of the file, each row in the season its date falls in, with the pre-match prices', () => {
    const [brentford, girona] = parseFixturesCsv(csv(HEADER, EPL, LIGA), file);
    expect(brentford).toEqual({
      id: 'E0-2425-brentford-leicester-1',
      div: 'E0',
      season: '2425',
      date: '2024-11-30',
      kickoff: '15:00',
      homeTeam: 'Brentford',
      awayTeam: 'Leicester',
      homeTeamId: 'brentford',
      awayTeamId: 'leicester',
      odds: { b365: [1.53, 4.5, 5.75], pinnacle: [1.55, 4.6, 5.9], max: [1.57, 4.75, 6.1], avg: [1.52, 4.45, 5.7] },
    });
    expect(girona?.div).toBe('SP1');
    expect(girona?.id).toBe('SP1-2425-girona-betis-1');
  });

  it('accepts a file without result columns, without a Time column and with a partly empty price group', () => {
    const [only] = parseFixturesCsv(csv('Div,Date,HomeTeam,AwayTeam,B365H,B365D,B365A,PSH,PSD,PSA', 'E0,30/11/24,Brentford,Leicester,1.53,4.5,5.75,1.55,,5.9'), file);
    expect(only?.kickoff).toBeNull();
    expect(only?.odds).toEqual({ b365: [1.53, 4.5, 5.75] });
  });

  it('gives a fixture the id its played match will have in the season results file', () => {
    const results = readFileSync(seasonFile('2324'));
    const played = parseFootballDataCsv(results, { file: seasonFile('2324') });
    const round = played.filter((m) => m.date >= '2023-12-05' && m.date <= '2023-12-07');
    const fixtures = parseFixturesCsv(fixturesCsvOf(results, (m) => round.some((r) => r.id === m.id)), file);
    expect(fixtures.map((f) => f.id)).toEqual(round.map((m) => m.id));
    expect(fixtures.map((f) => f.odds)).toEqual(round.map((m) => ({ b365: m.odds.b365, pinnacle: m.odds.pinnacle, avg: m.odds.avg, max: m.odds.max })));
  });

  it('reads a header with no rows as no fixtures (the summer break), unlike a results file', () => {
    expect(parseFixturesCsv(csv(HEADER), file)).toEqual([]);
  });

  it.each([
    ['an empty file', new Uint8Array(), 'https://www.football-data.co.uk/fixtures.csv: expected a header row naming Div, Date, HomeTeam, AwayTeam, found an empty file'],
    ['a missing team column', csv('Div,Date,Time,HomeTeam,B365H,B365D,B365A', 'E0,30/11/2024,15:00,Brentford,1.5,4.5,5.7'),
      'https://www.football-data.co.uk/fixtures.csv line 1, column AwayTeam: expected a AwayTeam column in the header, found no such column'],
    ['semicolons', csv('Div;Date;HomeTeam;AwayTeam'), 'https://www.football-data.co.uk/fixtures.csv line 1: expected comma-separated columns, found ";" as the separator'],
    ['a bad date', csv(HEADER, EPL, 'E0,31/11/2024,15:00,Arsenal,Man United,,,,1.5,4.5,5.7,,,,,,,,,'),
      'https://www.football-data.co.uk/fixtures.csv line 3, column Date: expected a date as dd/mm/yy or dd/mm/yyyy, found "31/11/2024"'],
    ['a bad kick-off', csv(HEADER, 'E0,30/11/2024,3pm,Brentford,Leicester,,,,1.53,4.5,5.75,,,,,,,,,'),
      'https://www.football-data.co.uk/fixtures.csv line 2, column Time: expected a kick-off time as HH:MM, found "3pm"'],
    ['a price of 1', csv(HEADER, 'E0,30/11/2024,15:00,Brentford,Leicester,,,,1.0,4.5,5.75,,,,,,,,,'),
      'https://www.football-data.co.uk/fixtures.csv line 2, column B365H: expected decimal odds above 1 and at most 1000 or an empty cell, found "1.0"'],
    ['text for a price', csv(HEADER, EPL, LIGA, 'E0,30/11/2024,15:00,Arsenal,Man United,,,,evens,4.5,5.75,,,,,,,,,'),
      'https://www.football-data.co.uk/fixtures.csv line 4, column B365H: expected decimal odds above 1 and at most 1000 or an empty cell, found "evens"'],
    ['a score in a fixture', csv(HEADER, 'E0,30/11/2024,15:00,Brentford,Leicester,4,1,H,1.53,4.5,5.75,,,,,,,,,'),
      'https://www.football-data.co.uk/fixtures.csv line 2, column FTHG: expected an empty cell (a fixture has no result yet; a played match is imported from its season results file), found "4"'],
    ['a short row', csv(HEADER, 'E0,30/11/2024,15:00,Brentford,Leicester'), 'https://www.football-data.co.uk/fixtures.csv line 2: expected 20 cells as in the header, found 5'],
    ['the same match twice', csv(HEADER, EPL, EPL), 'https://www.football-data.co.uk/fixtures.csv line 3: expected each match once, found Brentford v Leicester on 2024-11-30 again (first on line 2)'],
    ['a price above 1000', csv(HEADER, 'E0,30/11/2024,15:00,Brentford,Leicester,,,,1500,4.5,5.75,,,,,,,,,'),
      'https://www.football-data.co.uk/fixtures.csv line 2, column B365H: expected decimal odds above 1 and at most 1000 or an empty cell, found "1500"'],
    ['a control character in a team name', csv(HEADER, 'E0,30/11/2024,15:00,Brent\u0007ford,Leicester,,,,1.53,4.5,5.75,,,,,,,,,'),
      'https://www.football-data.co.uk/fixtures.csv line 2, column HomeTeam: expected a team name without control characters, found "Brent\\u0007ford"'],
    ['UTF-16 text', new Uint8Array([0xff, 0xfe, ...[...'Div,Date'].flatMap((c) => [c.charCodeAt(0), 0])]),
      'https://www.football-data.co.uk/fixtures.csv: expected a CSV file in UTF-8 or Windows Latin-1, found UTF-16 text: this file is UTF-16; save it as CSV (comma delimited)'],
    ['a NUL byte', csv(HEADER, 'E0,30/11/2024,15:00,Brentford\u0000,Leicester,,,,1.53,4.5,5.75,,,,,,,,,'),
      'https://www.football-data.co.uk/fixtures.csv line 2: expected text, found a NUL byte (the file is damaged or not a CSV file)'],
    ['a team against itself', csv(HEADER, 'E0,30/11/2024,15:00,Brentford,Brentford,,,,1.53,4.5,5.75,,,,,,,,,'),
      'https://www.football-data.co.uk/fixtures.csv line 2, column AwayTeam: expected a team other than the home team, found "Brentford"'],
  ])('rejects %s, naming file, line and column', (_, bytes, message) => {
    expect(rejection(bytes)).toBe(message);
  });
});
