import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseFootballDataCsv, type CsvOrigin } from './football-data-csv';
import { ImportError } from './import-error';

/**
 * The bad-file corpus: every file a probe of hostile and damaged inputs produced, each with the
 * exact message a person gets. Small files are written here by hand; large ones are generated.
 * (football-data-csv.test.ts holds the everyday mistakes: wrong delimiter, truncated row ...)
 */

const HEADER = 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HS,AS,HST,AST,B365H,B365D,B365A';
const OPENER = 'E0,11/08/2023,20:00,Burnley,Man City,0,3,A,6,17,1,8,8.0,5.5,1.33';
const SECOND = "E0,12/08/2023,12:30,Arsenal,Nott'm Forest,2,1,H,15,6,7,2,1.18,7.5,15";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const csv = (...lines: string[]): string => lines.join('\r\n') + '\r\n';

/** Twenty teams' names, for generated whole seasons. */
const TEAMS = Array.from({ length: 26 }, (_, i) => `Team ${String.fromCharCode(65 + i)}`);

/** Every home-away pairing of the first `teams` names once, dated a day apart from 1 Aug 2023. */
function season(teams: number, div = 'E0'): string[] {
  const rows: string[] = [];
  let day = 0;
  for (let h = 0; h < teams; h += 1) {
    for (let a = 0; a < teams; a += 1) {
      if (h === a) continue;
      const date = new Date(Date.UTC(2023, 7, 1 + (day++ % 280)));
      const d = `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
      rows.push(`${div},${d},15:00,${TEAMS[h]},${TEAMS[a]},1,1,D,10,10,4,4,2.5,3.2,2.9`);
    }
  }
  return rows;
}

interface BadFile {
  readonly name: string;
  readonly bytes: () => Uint8Array;
  readonly origin: CsvOrigin;
  readonly message: string;
}

const e0: CsvOrigin = { file: 'mmz4281/2324/E0.csv' };

export const BAD_FILES: readonly BadFile[] = [
  {
    name: 'NUL bytes inside a row',
    bytes: () => utf8(csv(HEADER, OPENER.replace('Burnley', 'Burn\0ley'))),
    origin: e0,
    message: 'mmz4281/2324/E0.csv line 2: expected text, found a NUL byte (the file is damaged or not a CSV file)',
  },
  {
    name: 'a control character in a team name',
    bytes: () => utf8(csv(HEADER, OPENER.replace('Burnley', 'Burn\u0007ley'))),
    origin: e0,
    message: 'mmz4281/2324/E0.csv line 2, column HomeTeam: expected a team name without control characters, found "Burn\\u0007ley"',
  },
  {
    name: 'UTF-16 with a byte-order mark (Excel "Unicode text")',
    bytes: () => iconv.encode(csv(HEADER, OPENER), 'utf16le', { addBOM: true }),
    origin: e0,
    message: 'mmz4281/2324/E0.csv: expected a CSV file in UTF-8 or Windows Latin-1, found UTF-16 text: this file is UTF-16; save it as CSV (comma delimited)',
  },
  {
    name: 'UTF-16 without a byte-order mark',
    bytes: () => iconv.encode(csv(HEADER, OPENER), 'utf16be'),
    origin: e0,
    message: 'mmz4281/2324/E0.csv: expected a CSV file in UTF-8 or Windows Latin-1, found UTF-16 text: this file is UTF-16; save it as CSV (comma delimited)',
  },
  {
    name: 'an Excel workbook saved with a .csv name',
    bytes: () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...utf8('[Content_Types].xml')]),
    origin: e0,
    message: 'mmz4281/2324/E0.csv: expected a CSV file, found a ZIP archive or Excel workbook: not a CSV file; save it as CSV (comma delimited)',
  },
  {
    name: 'random binary bytes',
    bytes: () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
    origin: e0,
    message: 'mmz4281/2324/E0.csv: expected a CSV file, found binary data: not a CSV file',
  },
  {
    name: 'an HTML page saved instead of the file',
    bytes: () => utf8('<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>Not Found</body></html>\n'),
    origin: e0,
    message: 'mmz4281/2324/E0.csv: expected a CSV file, found an HTML page: not a CSV file (was a web page saved instead of the file?)',
  },
  {
    name: 'an unclosed quote, reported where it opens',
    bytes: () => utf8(csv(HEADER, OPENER, 'E0,"12/08/2023,12:30,Arsenal,x,2,1,H,15,6,7,2,1.18,7.5,15', SECOND, SECOND.replace('12/08', '13/08'))),
    origin: e0,
    message: 'mmz4281/2324/E0.csv line 3: expected well-formed CSV, found a quote (") that opens here and is never closed',
  },
  {
    name: 'goals out of any plausible range',
    bytes: () => utf8(csv(HEADER, OPENER, SECOND.replace(',2,1,H,', ',100000000000000000000,1,H,'))),
    origin: e0,
    message: 'mmz4281/2324/E0.csv line 3, column FTHG: expected a whole number of goals from 0 to 30, found "100000000000000000000"',
  },
  {
    name: 'goals written in exponent notation',
    bytes: () => utf8(csv(HEADER, OPENER, SECOND.replace(',2,1,H,', ',1e20,1,H,'))),
    origin: e0,
    message: 'mmz4281/2324/E0.csv line 3, column FTHG: expected a whole number of goals from 0 to 30, found "1e20"',
  },
  {
    name: 'shots out of any plausible range',
    bytes: () => utf8(csv(HEADER, OPENER.replace(',6,17,', ',6000,17,'))),
    origin: e0,
    message: 'mmz4281/2324/E0.csv line 2, column HS: expected a whole number of shots from 0 to 100 or an empty cell, found "6000"',
  },
  {
    name: 'odds above any bookmaker price',
    bytes: () => utf8(csv(HEADER, OPENER.replace(',1.33', ',1e9'))),
    origin: e0,
    message: 'mmz4281/2324/E0.csv line 2, column B365A: expected decimal odds above 1 and at most 1000 or an empty cell, found "1e9"',
  },
  {
    name: 'an E1 row inside E0.csv',
    bytes: () => utf8(csv(HEADER, OPENER, SECOND.replace('E0,', 'E1,'))),
    origin: e0,
    message: 'mmz4281/2324/E0.csv line 3, column Div: expected "E0" as the file name E0.csv says, found "E1"',
  },
  {
    name: 'an E1 row in an upload named after no division',
    bytes: () => utf8(csv(HEADER, OPENER, SECOND.replace('E0,', 'E1,'))),
    origin: { file: 'premier league.csv' },
    message: 'premier league.csv line 3, column Div: expected "E0" as on line 2 (a file holds one division), found "E1"',
  },
  {
    name: 'a 2012-13 file under a folder named 1299',
    bytes: () => utf8(csv(HEADER, OPENER.replace('11/08/2023', '18/08/2012'))),
    origin: { file: 'mmz4281/1299/E0.csv' },
    message: 'mmz4281/1299/E0.csv: expected a season code of two consecutive years like 2324 (from the folder name), found "1299"',
  },
  {
    name: 'a 2012-13 file under the 2023-24 folder',
    bytes: () => utf8(csv(HEADER, OPENER.replace('11/08/2023', '18/08/2012'))),
    origin: e0,
    message: 'mmz4281/2324/E0.csv line 2, column Date: expected a date in season 2324 (2023 or 2024), found "18/08/2012"',
  },
  {
    name: 'the same home fixture twice on different dates (a corrected date pasted in, the old row kept)',
    bytes: () => utf8(csv(HEADER, OPENER, SECOND, OPENER.replace('11/08/2023', '12/08/2023'))),
    origin: e0,
    message:
      'mmz4281/2324/E0.csv line 4: expected each home fixture once in a E0 season, found Burnley v Man City on 2023-08-12 again (first on line 2, 2023-08-11)',
  },
  {
    name: 'a season of 26 teams (an impossible number of matches for a division)',
    bytes: () => utf8(csv(HEADER, ...season(26))),
    origin: e0,
    message: 'mmz4281/2324/E0.csv: expected at most 24 teams (552 matches) in a E0 season, found 26 teams (650 matches)',
  },
];

function rejectionOf(file: BadFile): string {
  try {
    parseFootballDataCsv(file.bytes(), file.origin);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  return 'accepted';
}

describe('the bad-file corpus: each file is refused with a message naming what is wrong and where', () => {
  for (const file of BAD_FILES) {
    it(file.name, () => {
      expect(rejectionOf(file)).toBe(file.message);
    });
  }
});

describe('the rules behind the corpus leave real seasons alone', () => {
  it('accepts a whole 20-team season and a Scottish season where pairs meet twice at one ground', () => {
    expect(parseFootballDataCsv(utf8(csv(HEADER, ...season(20))), e0)).toHaveLength(380);
    const split = season(12, 'SC0');
    const again = split.map((row) => row.replace(/\/2023,|\/2024,/, (y) => (y === '/2023,' ? '/2024,' : '/2023,')));
    expect(parseFootballDataCsv(utf8(csv(HEADER, ...split, ...again.slice(0, 60))), { file: 'mmz4281/2324/SC0.csv' })).toHaveLength(192);
  });

  it('numbers each home fixture among its meetings, so a Scottish pair keeps two ids at one ground', () => {
    const rows = [OPENER.replace('E0,', 'SC0,'), OPENER.replace('E0,', 'SC0,').replace('11/08/2023', '02/03/2024')];
    const matches = parseFootballDataCsv(utf8(csv(HEADER, ...rows)), { file: 'mmz4281/2324/SC0.csv' });
    expect(matches.map((m) => m.id)).toEqual(['SC0-2324-burnley-man-city-1', 'SC0-2324-burnley-man-city-2']);
  });
});
