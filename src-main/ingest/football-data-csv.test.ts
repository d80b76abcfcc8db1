import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parseFootballDataCsv, type CsvOrigin } from './football-data-csv';
import { ImportError } from './import-error';

const HEADER = 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HS,AS,HST,AST,B365H,B365D,B365A,PSH,PSD,PSA';
const OPENER = 'E0,11/08/2023,20:00,Burnley,Man City,0,3,A,0,2,6,17,1,8,8.0,5.5,1.33,8.58,5.51,1.37';
const SECOND = 'E0,12/08/2023,12:30,Arsenal,Nott\'m Forest,2,1,H,2,0,15,6,7,2,1.18,7.5,15,1.2,7.7,16.5';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const csv = (...lines: string[]): Uint8Array => utf8(lines.join('\n') + '\n');
const origin: CsvOrigin = { file: 'E0.csv', season: '2324' };

/** The ImportError message a parse produces, so each test can state the exact text. */
function rejection(bytes: Uint8Array, from = origin): string {
  try {
    parseFootballDataCsv(bytes, from);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).message;
  }
  throw new Error('expected the file to be rejected');
}

describe('parseFootballDataCsv on well-formed files', () => {
  it('fills every Match field from a 2023-24 row', () => {
    const [opener] = parseFootballDataCsv(csv(HEADER, OPENER), origin);
    expect(opener).toEqual({
      id: 'E0-2324-burnley-man-city-1',
      div: 'E0',
      season: '2324',
      date: '2023-08-11',
      kickoff: '20:00',
      homeTeam: 'Burnley',
      awayTeam: 'Man City',
      homeTeamId: 'burnley',
      awayTeamId: 'man-city',
      homeGoals: 0,
      awayGoals: 3,
      result: 'A',
      halfTimeHomeGoals: 0,
      halfTimeAwayGoals: 2,
      homeShots: 6,
      awayShots: 17,
      homeShotsOnTarget: 1,
      awayShotsOnTarget: 8,
      odds: { b365: [8, 5.5, 1.33], pinnacle: [8.58, 5.51, 1.37] },
    });
  });

  it('reads a 2005-06 layout: dd/mm/yy as 20yy, no Time column, BetBrain average and maximum', () => {
    const header = 'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,B365H,B365D,B365A,BbMxH,BbAvH,BbMxD,BbAvD,BbMxA,BbAvA';
    const row = 'E0,13/08/05,Aston Villa,Bolton,2,2,D,2.3,3.25,3.0,2.4,2.2,3.3,3.16,3.4,3.05';
    const [match] = parseFootballDataCsv(csv(header, row), { file: 'mmz4281/0506/E0.csv' });
    expect(match).toMatchObject({ season: '0506', date: '2005-08-13', kickoff: null, halfTimeHomeGoals: null, homeShots: null });
    expect(match?.odds).toEqual({ b365: [2.3, 3.25, 3], max: [2.4, 3.3, 3.4], avg: [2.2, 3.16, 3.05] });
  });

  it('prefers the 2019-20 Avg/Max names when a file also has the BetBrain ones', () => {
    const header = 'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,AvgH,AvgD,AvgA,BbAvH,BbAvD,BbAvA';
    const [match] = parseFootballDataCsv(csv(header, 'E0,11/08/2023,Burnley,Man City,0,3,A,9.02,5.35,1.35,9.9,9.9,9.9'), origin);
    expect(match?.odds).toEqual({ avg: [9.02, 5.35, 1.35] });
  });

  it('maps every closing group', () => {
    const header = 'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,B365CH,B365CD,B365CA,PSCH,PSCD,PSCA,MaxCH,MaxCD,MaxCA,AvgCH,AvgCD,AvgCA';
    const row = 'E0,11/08/2023,Burnley,Man City,0,3,A,9,5.25,1.33,9.62,5.81,1.33,10.5,5.81,1.36,9.27,5.45,1.33';
    const [match] = parseFootballDataCsv(csv(header, row), origin);
    expect(match?.odds).toEqual({
      b365Close: [9, 5.25, 1.33],
      pinnacleClose: [9.62, 5.81, 1.33],
      maxClose: [10.5, 5.81, 1.36],
      avgClose: [9.27, 5.45, 1.33],
    });
  });

  it('leaves out a group that is entirely or partly empty', () => {
    const row = 'E0,11/08/2023,20:00,Burnley,Man City,0,3,A,0,2,6,17,1,8,,,,8.58,,1.37';
    expect(parseFootballDataCsv(csv(HEADER, row), origin)[0]?.odds).toEqual({});
  });

  it('reads whole numbers written as 2.0 and empty optional counts as null', () => {
    const row = 'E0,11/08/2023,,Burnley,Man City,0.0,3.0,A,,,,,,,8.0,5.5,1.33,,,';
    expect(parseFootballDataCsv(csv(HEADER, row), origin)[0]).toMatchObject({
      kickoff: null,
      homeGoals: 0,
      awayGoals: 3,
      halfTimeHomeGoals: null,
      homeShotsOnTarget: null,
    });
  });

  it('skips trailing rows of empty cells and blank lines', () => {
    const matches = parseFootballDataCsv(csv(HEADER, OPENER, SECOND, ',,,,,,,,,,,,,,,,,,,', '', ',,,'), origin);
    expect(matches.map((m) => m.homeTeam)).toEqual(['Burnley', 'Arsenal']);
  });

  it('accepts a UTF-8 BOM and CRLF line ends', () => {
    const bytes = utf8(`\uFEFF${HEADER}\r\n${OPENER}\r\n`);
    expect(parseFootballDataCsv(bytes, origin)).toHaveLength(1);
  });

  it('decodes Latin-1 team names', () => {
    const bytes = iconv.encode(`${HEADER}\nE0,11/08/2023,20:00,Málaga,Atlético,0,3,A,0,2,6,17,1,8,8.0,5.5,1.33,,,\n`, 'latin1');
    expect(bytes.includes(0xe1)).toBe(true); // á as the single Latin-1 byte, invalid as UTF-8
    const [match] = parseFootballDataCsv(bytes, origin);
    expect([match?.homeTeam, match?.awayTeam]).toEqual(['Málaga', 'Atlético']);
    expect([match?.homeTeamId, match?.awayTeamId]).toEqual(['malaga', 'atletico']);
  });

  it('decodes Windows-1252 punctuation, not just Latin-1 letters', () => {
    // 0x92 is a right single quote in windows-1252 but a control code in ISO-8859-1.
    const bytes = Uint8Array.from([...new TextEncoder().encode(`${HEADER}\nE0,11/08/2023,20:00,Nott`), 0x92, ...new TextEncoder().encode('m Forest,Man City,0,3,A,0,2,6,17,1,8,,,,,,\n')]);
    expect(parseFootballDataCsv(bytes, origin)[0]?.homeTeam).toBe('Nott\u2019m Forest');
  });

  it('keeps UTF-8 team names as written', () => {
    const [match] = parseFootballDataCsv(csv(HEADER, 'E0,11/08/2023,20:00,Málaga,Atlético,0,3,A,0,2,6,17,1,8,,,,,,'), origin);
    expect(match?.homeTeam).toBe('Málaga');
  });

  it('accepts a header with a trailing comma (as 2019-20 onward files have)', () => {
    expect(parseFootballDataCsv(csv(`${HEADER},`, `${OPENER},`), origin)).toHaveLength(1);
  });

  it('always derives the result the score implies and a valid ISO date', () => {
    fc.assert(
      fc.property(fc.nat(9), fc.nat(9), fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true }), (home, away, day) => {
        const result = home > away ? 'H' : home < away ? 'A' : 'D';
        const dd = String(day.getUTCDate()).padStart(2, '0');
        const mm = String(day.getUTCMonth() + 1).padStart(2, '0');
        const header = 'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR';
        const [match] = parseFootballDataCsv(csv(header, `E0,${dd}/${mm}/${day.getUTCFullYear() % 100},A,B,${home},${away},${result}`), origin);
        expect(match?.date).toBe(day.toISOString().slice(0, 10));
        expect([match?.homeGoals, match?.awayGoals, match?.result]).toEqual([home, away, result]);
      }),
    );
  });
});

describe('parseFootballDataCsv rejects broken files with a message naming file, line and column', () => {
  it('an empty file', () => {
    expect(rejection(utf8(''))).toBe('E0.csv: expected a header row naming Div, Date, HomeTeam, AwayTeam, FTHG, FTAG, FTR, found an empty file');
    expect(rejection(utf8('\n \r\n'))).toBe('E0.csv: expected a header row naming Div, Date, HomeTeam, AwayTeam, FTHG, FTAG, FTR, found an empty file');
  });

  it('a header with no rows', () => {
    expect(rejection(csv(HEADER))).toBe('E0.csv: expected at least one match row after the header, found none');
    expect(rejection(csv(HEADER, ',,,,'))).toBe('E0.csv: expected at least one match row after the header, found none');
    // Also when the name gives no season (a header-only file has no first date to take it from).
    expect(rejection(csv(HEADER), { file: 'header-only.csv' })).toBe('header-only.csv: expected at least one match row after the header, found none');
  });

  it('a semicolon or tab delimiter', () => {
    expect(rejection(csv(HEADER.replaceAll(',', ';'), OPENER.replaceAll(',', ';')))).toBe('E0.csv line 1: expected comma-separated columns, found ";" as the separator');
    expect(rejection(csv(HEADER.replaceAll(',', '\t')))).toBe('E0.csv line 1: expected comma-separated columns, found "\\t" as the separator');
  });

  it('a missing required column', () => {
    expect(rejection(csv(HEADER.replace(',FTR,', ',Result,'), OPENER))).toBe('E0.csv line 1, column FTR: expected a FTR column in the header, found no such column');
  });

  it('a truncated row', () => {
    expect(rejection(csv(HEADER, OPENER, 'E0,12/08/2023,12:30,Arsenal,Nott\'m Forest,2'))).toBe('E0.csv line 3: expected 20 cells as in the header, found 6');
  });

  it('a row with values past the last column', () => {
    expect(rejection(csv(HEADER, `${OPENER},7`))).toBe('E0.csv line 2: expected 20 cells as in the header, found 21 with values past the last column');
  });

  it('text in a goals column', () => {
    expect(rejection(csv(HEADER, OPENER, SECOND.replace(',2,1,H,', ',two,1,H,')))).toBe('E0.csv line 3, column FTHG: expected a whole number of goals from 0 to 30, found "two"');
    expect(rejection(csv(HEADER, OPENER.replace(',0,3,A,', ',0,3.5,A,')))).toBe('E0.csv line 2, column FTAG: expected a whole number of goals from 0 to 30, found "3.5"');
    expect(rejection(csv(HEADER, OPENER.replace(',0,3,A,', ',,3,A,')))).toBe('E0.csv line 2, column FTHG: expected a whole number of goals from 0 to 30, found ""');
  });

  it('text in a shots column', () => {
    expect(rejection(csv(HEADER, OPENER.replace(',6,17,', ',six,17,')))).toBe('E0.csv line 2, column HS: expected a whole number of shots from 0 to 100 or an empty cell, found "six"');
  });

  it('odds of 1.0 or below, or not a number', () => {
    expect(rejection(csv(HEADER, OPENER.replace(',1.33,', ',1.0,')))).toBe('E0.csv line 2, column B365A: expected decimal odds above 1 and at most 1000 or an empty cell, found "1.0"');
    expect(rejection(csv(HEADER, OPENER.replace(',8.58,', ',0.95,')))).toBe('E0.csv line 2, column PSH: expected decimal odds above 1 and at most 1000 or an empty cell, found "0.95"');
    expect(rejection(csv(HEADER, OPENER.replace(',5.5,', ',evens,')))).toBe('E0.csv line 2, column B365D: expected decimal odds above 1 and at most 1000 or an empty cell, found "evens"');
  });

  it('an unknown date format or an impossible date', () => {
    expect(rejection(csv(HEADER, OPENER.replace('11/08/2023', '2023-08-11')))).toBe('E0.csv line 2, column Date: expected a date as dd/mm/yy or dd/mm/yyyy, found "2023-08-11"');
    expect(rejection(csv(HEADER, OPENER.replace('11/08/2023', '31/02/2024')))).toBe('E0.csv line 2, column Date: expected a date as dd/mm/yy or dd/mm/yyyy, found "31/02/2024"');
  });

  it('a date outside the season', () => {
    expect(rejection(csv(HEADER, OPENER.replace('11/08/2023', '11/08/2025')))).toBe('E0.csv line 2, column Date: expected a date in season 2324 (2023 or 2024), found "11/08/2025"');
  });

  it('a bad kick-off time', () => {
    expect(rejection(csv(HEADER, OPENER.replace('20:00', '8pm')))).toBe('E0.csv line 2, column Time: expected a kick-off time as HH:MM, found "8pm"');
  });

  it('a result that contradicts the score', () => {
    expect(rejection(csv(HEADER, OPENER.replace(',0,3,A,', ',0,3,H,')))).toBe('E0.csv line 2, column FTR: expected A to agree with the score 0-3, found "H"');
    expect(rejection(csv(HEADER, OPENER.replace(',0,3,A,', ',0,3,X,')))).toBe('E0.csv line 2, column FTR: expected H, D or A, found "X"');
  });

  it('the same match twice', () => {
    expect(rejection(csv(HEADER, OPENER, SECOND, OPENER.replace('20:00', '15:00')))).toBe('E0.csv line 4: expected each home fixture once in a E0 season, found Burnley v Man City on 2023-08-11 again (first on line 2, 2023-08-11)');
  });

  it('a team playing itself or a missing team', () => {
    expect(rejection(csv(HEADER, OPENER.replace('Man City', 'Burnley')))).toBe('E0.csv line 2, column AwayTeam: expected a team other than the home team, found "Burnley"');
    expect(rejection(csv(HEADER, OPENER.replace('Burnley', '')))).toBe('E0.csv line 2, column HomeTeam: expected a team name, found ""');
  });

  it('a row of another division than requested', () => {
    expect(rejection(csv(HEADER, OPENER.replace('E0,', 'E1,')), { ...origin, div: 'E0' })).toBe('E0.csv line 2, column Div: expected "E0" as requested, found "E1"');
  });

  it('no season from the caller, the path or a first date', () => {
    expect(rejection(csv(HEADER, OPENER.replace('11/08/2023', 'soon')), { file: 'E0.csv' })).toBe('E0.csv: expected a season code like 2324, given by the caller or in a path like mmz4281/2324/E0.csv, found none');
  });

  it('takes the season from the first match date when the file name has none (August 2023 opens 2324)', () => {
    const [match] = parseFootballDataCsv(csv(HEADER, OPENER), { file: 'E0 (2).csv' });
    expect(match).toMatchObject({ season: '2324', date: '2023-08-11' });
  });

  it('a season code that is not four digits', () => {
    expect(rejection(csv(HEADER, OPENER), { file: 'E0.csv', season: '23-24' })).toBe('E0.csv: expected a season code like 2324, found "23-24"');
  });

  it('an unclosed quote', () => {
    expect(rejection(csv(HEADER, OPENER, 'E0,"12/08/2023,12:30'))).toBe('E0.csv line 3: expected well-formed CSV, found a quote (") that opens here and is never closed');
  });

  it('carries the fields as data as well as in the message', () => {
    try {
      parseFootballDataCsv(csv(HEADER, OPENER, SECOND.replace(',2,1,H,', ',two,1,H,')), origin);
    } catch (error) {
      expect({ ...(error as ImportError) }).toMatchObject({ file: 'E0.csv', line: 3, column: 'FTHG', expected: 'a whole number of goals from 0 to 30', found: 'two' });
      return;
    }
    throw new Error('expected a rejection');
  });
});

describe('parseFootballDataCsv lists every bad row of a file and refuses the file as a whole', () => {
  // The real 2023-24 file with 25 rows broken in eight ways (lines as a text editor counts them: the header is line 1).
  const real = readFileSync(path.resolve(process.cwd(), '../shared/data/football-data/mmz4281/2324/E0.csv'), 'latin1').split(/\r?\n/);
  const header = real[0]!.split(',');
  const at = (column: string): number => header.indexOf(column);
  const setCell = (line: number, column: string, value: string): void => {
    const cells = real[line - 1]!.split(',');
    cells[at(column)] = value;
    real[line - 1] = cells.join(',');
  };
  const goalsAsText = [3, 40, 41, 42, 43, 44, 45, 46, 47, 48];
  for (const line of goalsAsText) setCell(line, 'FTHG', 'two');
  for (const line of [60, 61, 62, 63]) setCell(line, 'Date', '2023-10-01');
  for (const line of [80, 81, 82]) setCell(line, 'B365H', '0.95');
  for (const line of [100, 101]) setCell(line, 'FTR', 'X');
  setCell(120, 'FTAG', 'lots');
  setCell(120, 'B365A', 'evens');
  real[140 - 1] = real[140 - 1]!.split(',').slice(0, 10).join(',');
  setCell(160, 'AwayTeam', real[160 - 1]!.split(',')[at('HomeTeam')]!);
  setCell(170, 'HS', '6000');
  setCell(171, 'Time', '8pm');
  // Line 2 again at the end: the same home fixture twice.
  real.splice(real.length - 1, 0, real[1]!);
  const bytes = new TextEncoder().encode(real.join('\n'));
  const file = 'mmz4281/2324/E0.csv';

  const refusal = (): ImportError => {
    try {
      parseFootballDataCsv(bytes, { file });
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      return error as ImportError;
    }
    throw new Error('expected the file to be refused');
  };

  it('counts all 25 bad rows and keeps them in line order, each naming its line and columns', () => {
    const error = refusal();
    expect(error.badRowCount).toBe(25);
    expect(error.badRows).toHaveLength(25);
    expect(error.badRows.map((row) => row.line)).toEqual([...goalsAsText, 60, 61, 62, 63, 80, 81, 82, 100, 101, 120, 140, 160, 170, 171, 382]);
    expect(error.badRows.map((row) => row.columns.join('+'))).toEqual([
      ...goalsAsText.map(() => 'FTHG'),
      'Date', 'Date', 'Date', 'Date',
      'B365H', 'B365H', 'B365H',
      'FTR', 'FTR',
      'FTAG+B365A',
      '',
      'AwayTeam',
      'HS',
      'Time',
      '',
    ]);
  });

  it('says what is wrong with each row in the importer\'s words', () => {
    const message = (line: number): string | undefined => refusal().badRows.find((row) => row.line === line)?.message;
    expect(message(3)).toBe('line 3, column FTHG: expected a whole number of goals from 0 to 30, found "two"');
    expect(message(60)).toBe('line 60, column Date: expected a date as dd/mm/yy or dd/mm/yyyy, found "2023-10-01"');
    expect(message(80)).toBe('line 80, column B365H: expected decimal odds above 1 and at most 1000 or an empty cell, found "0.95"');
    expect(message(100)).toBe('line 100, column FTR: expected H, D or A, found "X"');
    expect(message(120)).toBe('line 120, column FTAG: expected a whole number of goals from 0 to 30, found "lots"; column B365A: expected decimal odds above 1 and at most 1000 or an empty cell, found "evens"');
    expect(message(140)).toBe(`line 140: expected ${header.length} cells as in the header, found 10`);
    expect(message(160)).toMatch(/^line 160, column AwayTeam: expected a team other than the home team, found ".+"$/);
    expect(message(170)).toBe('line 170, column HS: expected a whole number of shots from 0 to 100 or an empty cell, found "6000"');
    expect(message(171)).toBe('line 171, column Time: expected a kick-off time as HH:MM, found "8pm"');
    expect(message(382)).toBe('line 382: expected each home fixture once in a E0 season, found Burnley v Man City on 2023-08-11 again (first on line 2, 2023-08-11)');
  });

  it('says in one line how many rows are bad and that nothing was imported, quoting the first', () => {
    expect(refusal().message).toBe(
      'mmz4281/2324/E0.csv: 25 rows cannot be imported, so nothing from this file was imported; correct them and import it again (first: line 3, column FTHG: expected a whole number of goals from 0 to 30, found "two")',
    );
  });

  it('keeps the details of the first 1,000 bad rows of a hopeless file and counts the rest', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `E0,11/08/2023,20:00,Team ${i},Other ${i},x,3,A,0,2,6,17,1,8,8.0,5.5,1.33,8.58,5.51,1.37`);
    const error = (() => {
      try {
        parseFootballDataCsv(csv(HEADER, ...rows), origin);
      } catch (e) {
        return e as ImportError;
      }
      throw new Error('expected a refusal');
    })();
    expect(error.badRowCount).toBe(1500);
    expect(error.badRows).toHaveLength(1000);
    expect(error.badRows.at(-1)?.line).toBe(1001);
  });
});
