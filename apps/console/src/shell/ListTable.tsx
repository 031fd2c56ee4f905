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

export const pageSizes = [25, 50, 100] as const
export type PageSize = (typeof pageSizes)[number]

/** Below a list: which rows of how many ("1–50 of 20.004"), the page size, and going to any page. */
export function ListPager({
  page,
  size,
  totalCount,
  onPage,
  onSize,
}: {
  /** From 1. */
  page: number
  size: number
  totalCount: number
  onPage: (page: number) => void
  onSize?: (size: PageSize) => void
}) {
  const { t } = useTranslation()
  const pages = Math.max(1, Math.ceil(totalCount / size))
  const [wanted, setWanted] = useState<number | string>('')
  const from = totalCount === 0 ? 0 : (page - 1) * size + 1
  const to = Math.min(page * size, totalCount)
  const go = () => {
    const target = Number(wanted)
    if (Number.isInteger(target) && target >= 1 && target <= pages) {
      onPage(target)
      setWanted('')
    }
  }
  return (
    <Group justify="space-between" gap="sm" wrap="wrap" aria-label={t('list.pager')} role="group">
      <Text size="sm" aria-live="polite" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('list.range', { from, to, total: totalCount })}
      </Text>
      <Group gap="xs" wrap="wrap">
        {onSize ? (
          <Select
            aria-label={t('list.pageSize')}
            data={pageSizes.map((value) => ({
              value: String(value),
              label: t('list.perPage', { count: value }),
            }))}
            value={String(size)}
            onChange={(value) => value && onSize(Number(value) as PageSize)}
            allowDeselect={false}
            w={130}
            size="xs"
          />
        ) : null}
        <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('list.previous')}
        </Button>
        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('list.pageOf', { page, pages })}
        </Text>
        <Button variant="default" size="xs" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t('list.next')}
        </Button>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            go()
          }}
        >
          <Group gap={4} wrap="nowrap">
            <NumberInput
              aria-label={t('list.goToPage')}
              placeholder={t('list.pageShort')}
              min={1}
              max={pages}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              value={wanted}
              onChange={setWanted}
              w={72}
              size="xs"
            />
            <Button type="submit" variant="default" size="xs">
              {t('list.go')}
              <VisuallyHidden> {t('list.goToPage')}</VisuallyHidden>
            </Button>
          </Group>
        </form>
      </Group>
    </Group>
  )
}
