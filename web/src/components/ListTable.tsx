import { DataTable, type DataTableProps } from './DataTable';
import { Loadable } from './Loadable';

/**
 * A list page's table of an `{ items }` answer: while it comes, what `Loadable` shows (the error,
 * a spinner); then `empty` when there is nothing, else the table.
 */
export function ListTable<T>({
  data,
  error,
  empty,
  ...table
}: { data: { items: T[] } | undefined; error: unknown; empty?: string } & Omit<DataTableProps<T>, 'items'>) {
  return (
    <Loadable data={data} error={error} empty={(d) => (empty && d.items.length === 0 ? empty : null)}>
      {(d) => <DataTable {...table} items={d.items} />}
    </Loadable>
  );
}
