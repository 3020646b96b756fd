import { useMemo, type ReactNode } from 'react';
import {
  Badge,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  createTableColumn,
  makeStyles,
  type BadgeProps,
} from '@fluentui/react-components';
import { useLocale, useT } from '../i18n';
import { VisuallyHidden } from './VisuallyHidden';
import { AppLink } from './AppLink';

/** One column of a DataTable. */
export interface Column<T> {
  id: string;
  /** never empty: an action column keeps its header for screen readers with `hideHeader` */
  header: string;
  hideHeader?: boolean;
  cell: (item: T) => ReactNode;
  /** what a click on the header sorts the loaded rows by; a column without it does not sort */
  sortBy?: (item: T) => string | number;
  /** a cell of controls: 'one', the arrow keys land on the control itself; 'several', Enter steps into the cell */
  controls?: 'one' | 'several' | undefined;
}

/** A column that shows what it sorts by: a name, an e-mail, a count. */
export function textColumn<T>(id: string, header: string, text: (item: T) => string | number): Column<T> {
  return { id, header, sortBy: text, cell: text };
}

/** A column of names sorted by their text, each a link to its page (the row's one control). */
export function linkColumn<T>(
  id: string,
  header: string,
  text: (item: T) => string,
  to: (item: T) => string,
): Column<T> {
  return { id, header, sortBy: text, controls: 'one', cell: (item) => <AppLink to={to(item)}>{text(item)}</AppLink> };
}

/** A column of days in the reader's words, sorted by time; `none` where an item has no day. */
export function dateColumn<T>(id: string, header: string, day: (item: T) => string | null, none = ''): Column<T> {
  return {
    id,
    header,
    sortBy: (item) => {
      const d = day(item);
      return d ? Date.parse(d) : 0;
    },
    cell: (item) => {
      const d = day(item);
      return d ? <Day iso={d} /> : none;
    },
  };
}

/** A column of tinted badges (a status), sorted by the badge's words. */
export function badgeColumn<T>(
  id: string,
  header: string,
  badge: (item: T) => { text: string; color: NonNullable<BadgeProps['color']> },
): Column<T> {
  return {
    id,
    header,
    sortBy: (item) => badge(item).text,
    cell: (item) => {
      const { text, color } = badge(item);
      return (
        <Badge appearance="tint" color={color}>
          {text}
        </Badge>
      );
    },
  };
}

function Day({ iso }: { iso: string }) {
  return useT().date(iso);
}

/** Rows picked with a checkbox each (and one for all in the header), by row id. */
export interface Selection<T> {
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
  allLabel: string;
  rowLabel: (item: T) => string;
}

const useStyles = makeStyles({
  // a wide table scrolls inside its frame on a phone; the page itself never scrolls sideways
  frame: { overflowX: 'auto', maxWidth: '100%' },
  grid: { minWidth: '600px' },
  // a long address, e-mail or id wraps inside its cell instead of running into the next one
  content: { minWidth: 0, overflowWrap: 'anywhere' },
});

const FOCUS = { one: 'none', several: 'group' } as const;

/**
 * The portal's table: Fluent's DataGrid, named by `label`, moved through with the arrow keys
 * (Home, End, Ctrl+Home, Ctrl+End), sorted by a click on a sortable header, with row selection
 * when `selection` is given.
 */
export interface DataTableProps<T> {
  label: string;
  items: T[];
  columns: Column<T>[];
  rowId: (item: T) => string;
  selection?: Selection<T> | undefined;
}

export function DataTable<T>({ label, items, columns, rowId, selection }: DataTableProps<T>) {
  const styles = useStyles();
  const { locale } = useLocale();
  const collator = useMemo(() => new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }), [locale]);
  const definitions = columns.map((c) => {
    const by = c.sortBy;
    return createTableColumn<T>({
      columnId: c.id,
      renderHeaderCell: () => (c.hideHeader ? <VisuallyHidden>{c.header}</VisuallyHidden> : c.header),
      renderCell: (item) => <div className={styles.content}>{c.cell(item)}</div>,
      ...(by && {
        compare: (a: T, b: T) => {
          const [x, y] = [by(a), by(b)];
          return typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
        },
      }),
    });
  });
  const focus = (columnId: string | number) => {
    const controls = columns.find((c) => c.id === columnId)?.controls;
    return controls ? FOCUS[controls] : 'cell';
  };
  const selecting = selection && {
    selectionMode: 'multiselect' as const,
    selectedItems: selection.selected,
    onSelectionChange: (_: unknown, d: { selectedItems: Set<string | number> }) =>
      selection.onChange(new Set([...d.selectedItems].map(String))),
  };

  return (
    <div className={styles.frame}>
      <DataGrid
        className={styles.grid}
        aria-label={label}
        items={items}
        columns={definitions}
        getRowId={rowId}
        sortable={columns.some((c) => c.sortBy)}
        {...selecting}
      >
        <DataGridHeader>
          <DataGridRow
            {...(selection && { selectionCell: { checkboxIndicator: { 'aria-label': selection.allLabel } } })}
          >
            {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
          </DataGridRow>
        </DataGridHeader>
        <DataGridBody<T>>
          {({ item, rowId: id }) => (
            <DataGridRow<T>
              key={id}
              {...(selection && { selectionCell: { checkboxIndicator: { 'aria-label': selection.rowLabel(item) } } })}
            >
              {({ renderCell, columnId }) => (
                <DataGridCell focusMode={focus(columnId)}>{renderCell(item)}</DataGridCell>
              )}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </div>
  );
}
