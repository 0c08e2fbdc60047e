// Pieces of the console's tables and fact lists that every page writes the same way.
import type { ReactNode } from 'react';
import { TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';

/** A table's column headings, each a column header for screen readers. */
export function ColumnHeaders({ names }: { names: readonly string[] }) {
  return (
    <TableHeader>
      <TableRow>
        {names.map((name) => (
          <TableHeaderCell key={name} scope="col">
            {name}
          </TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}

/** Label and value pairs (a report's, a campaign's or a removal run's facts) as a two-column description list. */
export function Facts({ items }: { items: readonly [label: string, value: ReactNode][] }) {
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0 }}>
      {items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt style={{ fontWeight: 600 }}>{label}</dt>
          <dd style={{ margin: 0, wordBreak: 'break-word' }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
