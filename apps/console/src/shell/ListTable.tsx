// The one table behaviour of every list (enrollments, sessions, users, tokens, audit events, and the
// worklists to come): headers that sort and look it, and rows that can be selected for bulk actions.
// The pager below is ListPager.tsx.
import { Button, Checkbox, Group, Table, Text, UnstyledButton } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export type SortDirection = 'ASC' | 'DESC'

export type ListColumn<Row> = {
  key: string
  header: string
  /** The order field the column sorts by, when it sorts. */
  sort?: string
  align?: 'right'
  /** Cells kept on one line (dates, amounts, status badges); the header may wrap, so a narrow screen fits. */
  nowrap?: boolean
  /** A second, dimmed line under the header, naming what the cells' second line holds. */
  subheader?: string
  /** A text column's least width, so that names do not wrap word by word beside the one-line ones. */
  minWidth?: number
  cell: (row: Row) => ReactNode
}

export type ListSelection = {
  selected: ReadonlySet<string>
  onChange: (selected: Set<string>) => void
}

export function ListTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  rowName,
  sort,
  onSort,
  selection,
}: {
  label: string
  columns: readonly ListColumn<Row>[]
  rows: readonly Row[]
  rowKey: (row: Row) => string
  /** How a row is named to a screen reader, for its checkbox ("Select Nguyễn Thị Lan"). */
  rowName: (row: Row) => string
  sort?: { field: string; direction: SortDirection }
  onSort?: (sort: { field: string; direction: SortDirection }) => void
  selection?: ListSelection
}) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-label={label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {selection ? <SelectPageCell keys={rows.map(rowKey)} selection={selection} /> : null}
            {columns.map((column) => (
              <HeaderCell key={column.key} column={column} sort={sort} onSort={onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <ListRow
              key={rowKey(row)}
              row={row}
              rowKey={rowKey(row)}
              name={rowName(row)}
              columns={columns}
              selection={selection}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The header's checkbox: selects every row of the page, or none when all are. */
function SelectPageCell({ keys, selection }: { keys: readonly string[]; selection: ListSelection }) {
  const { t } = useTranslation()
  const selectedHere = keys.filter((key) => selection.selected.has(key))
  const toggleAll = () => {
    const next = new Set(selection.selected)
    for (const key of keys) selectedHere.length === keys.length ? next.delete(key) : next.add(key)
    selection.onChange(next)
  }
  return (
    <Table.Th scope="col" w={36}>
      <Checkbox
        aria-label={t('list.selectPage')}
        checked={keys.length > 0 && selectedHere.length === keys.length}
        indeterminate={selectedHere.length > 0 && selectedHere.length < keys.length}
        onChange={toggleAll}
      />
    </Table.Th>
  )
}

/** A column's header: a button that sorts by it (and shows which way), when it sorts. */
function HeaderCell<Row>({
  column,
  sort,
  onSort,
}: {
  column: ListColumn<Row>
  sort?: { field: string; direction: SortDirection }
  onSort?: (sort: { field: string; direction: SortDirection }) => void
}) {
  const active = column.sort !== undefined && sort?.field === column.sort
  const ascending = active && sort?.direction === 'ASC'
  return (
    <Table.Th
      scope="col"
      ta={column.align}
      aria-sort={
        column.sort === undefined ? undefined : active ? (ascending ? 'ascending' : 'descending') : 'none'
      }
      style={column.minWidth ? { minWidth: column.minWidth } : undefined}
    >
      {column.sort !== undefined && onSort ? (
        <UnstyledButton
          fw={600}
          fz="sm"
          style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}
          onClick={() => onSort({ field: column.sort as string, direction: ascending ? 'DESC' : 'ASC' })}
        >
          {column.header}
          <Text span aria-hidden c={active ? undefined : 'dimmed'} fz="xs">
            {active ? (ascending ? '▲' : '▼') : '↕'}
          </Text>
        </UnstyledButton>
      ) : (
        column.header
      )}
      {column.subheader ? (
        <Text size="xs" c="dimmed">
          {column.subheader}
        </Text>
      ) : null}
    </Table.Th>
  )
}

function ListRow<Row>({
  row,
  rowKey,
  name,
  columns,
  selection,
}: {
  row: Row
  rowKey: string
  name: string
  columns: readonly ListColumn<Row>[]
  selection?: ListSelection
}) {
  const { t } = useTranslation()
  const selected = selection?.selected.has(rowKey) ?? false
  const toggle = () => {
    if (!selection) return
    const next = new Set(selection.selected)
    selected ? next.delete(rowKey) : next.add(rowKey)
    selection.onChange(next)
  }
  return (
    <Table.Tr bg={selected ? 'var(--mantine-color-blue-light)' : undefined}>
      {selection ? (
        <Table.Td>
          <Checkbox aria-label={t('list.selectRow', { name })} checked={selected} onChange={toggle} />
        </Table.Td>
      ) : null}
      {columns.map((column) => (
        <Table.Td
          key={column.key}
          ta={column.align}
          style={{
            ...(column.nowrap ? { whiteSpace: 'nowrap' } : {}),
            ...(column.align === 'right' ? { fontVariantNumeric: 'tabular-nums' } : {}),
          }}
        >
          {column.cell(row)}
        </Table.Td>
      ))}
    </Table.Tr>
  )
}

/** How many selected, and a way to clear them; the bulk actions of the bulk-intake issue go beside. */
export function SelectionBar({ selection }: { selection: ListSelection }) {
  const { t } = useTranslation()
  if (selection.selected.size === 0) return null
  return (
    <Group gap="sm" role="status">
      <Text size="sm" fw={600}>
        {t('list.selected', { count: selection.selected.size })}
      </Text>
      <Button variant="subtle" size="compact-sm" onClick={() => selection.onChange(new Set())}>
        {t('list.clearSelection')}
      </Button>
    </Group>
  )
}
