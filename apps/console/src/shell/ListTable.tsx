// The one table behaviour of every list (enrollments, sessions, users, tokens, audit events, and the
// worklists to come): headers that sort and look it, rows that can be selected for bulk actions, and
// the pager below ("1–50 of 20.004", page size, go to page).
import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'

export type SortDirection = 'ASC' | 'DESC'

export type ListColumn<Row> = {
  key: string
  header: string
  /** The order field the column sorts by, when it sorts. */
  sort?: string
  align?: 'right'
  /** Kept on one line (dates, amounts, status badges). */
  nowrap?: boolean
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
  const { t } = useTranslation()
  const keys = rows.map(rowKey)
  const selectedHere = selection ? keys.filter((key) => selection.selected.has(key)) : []
  const toggleAll = () => {
    if (!selection) return
    const next = new Set(selection.selected)
    for (const key of keys) selectedHere.length === keys.length ? next.delete(key) : next.add(key)
    selection.onChange(next)
  }
  const toggle = (key: string) => {
    if (!selection) return
    const next = new Set(selection.selected)
    next.has(key) ? next.delete(key) : next.add(key)
    selection.onChange(next)
  }

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-label={label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {selection ? (
              <Table.Th scope="col" w={36}>
                <Checkbox
                  aria-label={t('list.selectPage')}
                  checked={keys.length > 0 && selectedHere.length === keys.length}
                  indeterminate={selectedHere.length > 0 && selectedHere.length < keys.length}
                  onChange={toggleAll}
                />
              </Table.Th>
            ) : null}
            {columns.map((column) => {
              const active = column.sort !== undefined && sort?.field === column.sort
              return (
                <Table.Th
                  key={column.key}
                  scope="col"
                  ta={column.align}
                  aria-sort={
                    column.sort === undefined
                      ? undefined
                      : active
                        ? sort?.direction === 'ASC'
                          ? 'ascending'
                          : 'descending'
                        : 'none'
                  }
                  style={{
                    ...(column.nowrap ? { whiteSpace: 'nowrap' } : {}),
                    ...(column.minWidth ? { minWidth: column.minWidth } : {}),
                  }}
                >
                  {column.sort !== undefined && onSort ? (
                    <UnstyledButton
                      fw={600}
                      fz="sm"
                      style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}
                      onClick={() =>
                        onSort({
                          field: column.sort as string,
                          direction: active && sort?.direction === 'ASC' ? 'DESC' : 'ASC',
                        })
                      }
                    >
                      {column.header}
                      <Text span aria-hidden c={active ? undefined : 'dimmed'} fz="xs">
                        {active ? (sort?.direction === 'ASC' ? '▲' : '▼') : '↕'}
                      </Text>
                    </UnstyledButton>
                  ) : (
                    column.header
                  )}
                </Table.Th>
              )
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const key = rowKey(row)
            return (
              <Table.Tr
                key={key}
                bg={selection?.selected.has(key) ? 'var(--mantine-color-blue-light)' : undefined}
              >
                {selection ? (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('list.selectRow', { name: rowName(row) })}
                      checked={selection.selected.has(key)}
                      onChange={() => toggle(key)}
                    />
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
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
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
