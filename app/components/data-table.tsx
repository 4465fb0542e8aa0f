import { ScrollRegion } from "./scroll-region";
import { TableHead } from "./table-head";

/**
 * A plain list table in its scroll frame: a `TableHead` (with a hidden
 * "Actions" header when the rows end with buttons), then one row an item.
 */
export function DataTable<Row>({
  columns,
  actions = false,
  rows,
  row,
  className = "mt-3",
}: {
  columns: string[];
  /** The rows end with a cell of buttons: its header is read out, not shown. */
  actions?: boolean;
  rows: readonly Row[];
  row: (item: Row) => React.ReactNode;
  className?: string;
}) {
  return (
    <ScrollRegion className={className}>
      <table className="data-table">
        <TableHead columns={columns} actions={actions} />
        <tbody>{rows.map(row)}</tbody>
      </table>
    </ScrollRegion>
  );
}

/** A card with a heading and a `DataTable`, or a sentence instead of the table when there are no rows. */
export function TableCard<Row>({
  id,
  title,
  empty,
  ...table
}: React.ComponentProps<typeof DataTable<Row>> & {
  /** The heading's id, which names the card. */
  id: string;
  title: string;
  /** What stands in place of the table when there are no rows. */
  empty: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="card overflow-x-auto">
      <h2 id={id}>{title}</h2>
      {table.rows.length === 0 ? empty : <DataTable {...table} />}
    </section>
  );
}
