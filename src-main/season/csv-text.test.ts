import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvCell, toCsvText } from './csv-text';

describe('csvCell', () => {
  it('quotes cells with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('Brighton, Hove')).toBe('"Brighton, Hove"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('Arsenal')).toBe('Arsenal');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('leaves plain numbers alone, negative ones included', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell(null)).toBe('');
  });

  it('refuses numbers a CSV cannot hold', () => {
    expect(() => csvCell(Number.NaN)).toThrow('Cannot write NaN to CSV');
  });
});

describe('toCsvText', () => {
  it('writes CRLF lines and an optional UTF-8 BOM', () => {
    expect(toCsvText(['a', 'b'], [[1, 'x']], { excelBom: false })).toBe('a,b\r\n1,x\r\n');
    expect(toCsvText(['a'], [], { excelBom: true })).toBe('\uFEFFa\r\n');
  });

  it('round-trips any text through a standard CSV parser (formula starts aside)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s)), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const text = toCsvText(['x', 'y'], rows, { excelBom: false });
        expect(parse(text, { relax_quotes: false })).toEqual([['x', 'y'], ...rows]);
      }),
    );
  });
});
