/**
 * The small subset of Markdown the user guide uses, parsed into plain data so the Help page can
 * render it as React elements (no HTML string ever reaches the DOM): headings, paragraphs,
 * bullet and numbered lists, tables, and **bold**, *italic* and `code` inside them.
 */

export type Inline = { readonly kind: 'text' | 'strong' | 'em' | 'code'; readonly text: string };

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string; readonly id: string }
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'table'; readonly header: readonly (readonly Inline[])[]; readonly rows: readonly (readonly (readonly Inline[])[])[] };

const INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`)/;

export function parseInline(text: string): Inline[] {
  return text
    .split(INLINE)
    .filter((part) => part !== '')
    .map((part): Inline => {
      if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return { kind: 'strong', text: part.slice(2, -2) };
      if (part.startsWith('`') && part.endsWith('`') && part.length > 2) return { kind: 'code', text: part.slice(1, -1) };
      if (part.startsWith('*') && part.endsWith('*') && part.length > 2) return { kind: 'em', text: part.slice(1, -1) };
      return { kind: 'text', text: part };
    });
}

export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      i += 1;
    } else if (heading !== null) {
      const text = heading[2]?.trim() ?? '';
      blocks.push({ kind: 'heading', level: (heading[1]?.length ?? 1) as 1 | 2 | 3 | 4, text, id: slugOf(text) });
      i += 1;
    } else if (line.trimStart().startsWith('|')) {
      const tableLines: string[] = [];
      while (i < lines.length && (lines[i] ?? '').trimStart().startsWith('|')) tableLines.push(lines[i++] ?? '');
      const [header = '', , ...rows] = tableLines;
      blocks.push({ kind: 'table', header: cellsOf(header).map(parseInline), rows: rows.map((row) => cellsOf(row).map(parseInline)) });
    } else if (/^\s*(-|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i] ?? '';
        const item = /^\s*(?:-|\d+\.)\s+(.*)$/.exec(current);
        if (item !== null) items.push(item[1] ?? '');
        else if (current.trim() !== '' && /^\s+/.test(current) && items.length > 0) items[items.length - 1] += ` ${current.trim()}`;
        else break;
        i += 1;
      }
      blocks.push({ kind: 'list', ordered, items: items.map(parseInline) });
    } else {
      const paragraph: string[] = [];
      while (i < lines.length && (lines[i] ?? '').trim() !== '' && !/^(#{1,4}\s|\s*\||\s*(-|\d+\.)\s)/.test(lines[i] ?? '')) paragraph.push((lines[i++] ?? '').trim());
      blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
    }
  }
  return blocks;
}

/** Plain text of inline runs (for tooltips). */
export function plainText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => inline.text).join('');
}

/**
 * The one-line definitions of the guide's "Dashboard metrics" list, by metric name
 * ("- **Win rate**: share of ..."), so a tooltip and the guide can never say different things.
 */
export function metricDefinitions(blocks: readonly Block[], section = 'Dashboard metrics'): Map<string, string> {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.text === section);
  const definitions = new Map<string, string>();
  if (start < 0) return definitions;
  for (const block of blocks.slice(start + 1)) {
    if (block.kind === 'heading') break;
    if (block.kind !== 'list') continue;
    for (const item of block.items) {
      const [name, ...rest] = item;
      if (name?.kind !== 'strong') continue;
      definitions.set(name.text, plainText(rest).replace(/^\s*:\s*/, '').trim());
    }
  }
  return definitions;
}
