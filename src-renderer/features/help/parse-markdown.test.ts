import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricDefinitions, parseInline, parseMarkdown } from './parse-markdown';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs joined across lines, lists and tables', () => {
    const blocks = parseMarkdown('# Title\n\nOne line\nand the next.\n\n- first\n  continued\n- **second**\n\n1. one\n2. two\n\n| a | b |\n|---|---|\n| 1 | `x` |\n');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title', id: 'title' },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'One line and the next.' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'first continued' }], [{ kind: 'strong', text: 'second' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]] },
      { kind: 'table', header: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }]], rows: [[[{ kind: 'text', text: '1' }], [{ kind: 'code', text: 'x' }]]] },
    ]);
  });

  it('keeps markup it does not know as plain text, so nothing in the guide can become HTML', () => {
    expect(parseInline('<script>alert(1)</script> 8.00 × 0.14 *it* `c`')).toEqual([
      { kind: 'text', text: '<script>alert(1)</script> 8.00 × 0.14 ' },
      { kind: 'em', text: 'it' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'c' },
    ]);
    // A lone asterisk (a multiplication) is not emphasis.
    expect(parseInline('a * b')).toEqual([{ kind: 'text', text: 'a * b' }]);
  });
});

describe('metricDefinitions', () => {
  it('reads the one-line definition of each metric from its section', () => {
    const defs = metricDefinitions(parseMarkdown('## Dashboard metrics\n\n- **Profit**: won minus staked.\n- **ROI (yield)**: profit / staked.\n\n## Next\n\n- **Other**: no.\n'));
    expect([...defs]).toEqual([
      ['Profit', 'won minus staked.'],
      ['ROI (yield)', 'profit / staked.'],
    ]);
  });

  it('defines every metric the dashboard shows in the shipped user guide', () => {
    const defs = metricDefinitions(parseMarkdown(readFileSync('docs/user-guide.md', 'utf8')));
    for (const label of ['Verdict', 'Season bankroll', 'Profit', 'ROI (yield)', 'Win rate', 'Closing-line value', 'Value bets found', 'Value bets placed', 'Max drawdown', 'Longest losing run', 'Sharpe (weekly, annualised)', 'Risk of ruin', 'Model Brier', 'Market Brier']) {
      expect(defs.get(label), label).toMatch(/\w{3,}/);
    }
  });
});
