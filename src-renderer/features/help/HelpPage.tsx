import { Fragment, type ReactNode } from 'react';
import type { Block, Inline } from './parse-markdown';
import { USER_GUIDE } from './user-guide';

function renderInlines(inlines: readonly Inline[]): ReactNode {
  return inlines.map((inline, i) => {
    switch (inline.kind) {
      case 'strong':
        return <strong key={i}>{inline.text}</strong>;
      case 'em':
        return <em key={i}>{inline.text}</em>;
      case 'code':
        return <code key={i}>{inline.text}</code>;
      case 'text':
        return <Fragment key={i}>{inline.text}</Fragment>;
      default: {
        const unexpected: never = inline.kind;
        return unexpected;
      }
    }
  });
}

function renderBlock(block: Block, i: number): ReactNode {
  switch (block.kind) {
    case 'heading': {
      const Tag = (['h1', 'h2', 'h3', 'h4'] as const)[block.level - 1] ?? 'h4';
      return (
        <Tag key={i} id={block.id}>
          {block.text}
        </Tag>
      );
    }
    case 'paragraph':
      return <p key={i}>{renderInlines(block.inlines)}</p>;
    case 'list': {
      const items = block.items.map((item, j) => <li key={j}>{renderInlines(item)}</li>);
      return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
    }
    case 'table':
      return (
        <div className="table-wrap" key={i} tabIndex={0} role="region" aria-label="Table">
          <table>
            <thead>
              <tr>
                {block.header.map((cell, j) => (
                  <th key={j}>{renderInlines(cell)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, j) => (
                    <td key={j}>{renderInlines(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    default: {
      const unexpected: never = block;
      return unexpected;
    }
  }
}

/** The user guide (docs/user-guide.md) rendered as React elements, with a table of contents. */
export function HelpPage() {
  const sections = USER_GUIDE.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 2);
  return (
    <section className="help" data-testid="help-page">
      <nav className="panel help-toc" aria-label="Guide sections">
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.text}</a>
            </li>
          ))}
        </ul>
      </nav>
      <article className="panel guide">{USER_GUIDE.map(renderBlock)}</article>
    </section>
  );
}
