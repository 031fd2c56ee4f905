// A campaign's target grid in the audit log, read as the targets grid reads it: a line per row, named by
// its product, its center (a link) and its milestone, with its count in the reader's format. A new grid
// lists the rows whose count or name changed, those it set and those it cleared; rows left alone are not
// repeated.
import { Stack, Text } from '@mantine/core'
import { formatDate, labelOf } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { useLocale } from '../i18n/useLocale.ts'
import { AnchorLink } from '../shell/links.tsx'
import { type AuditStates, ChangeSides } from './ChangeSides.tsx'

/** A target row as the API lists it (the Target type's fields, its center a global id). */
type TargetRow = {
  product: string | null
  center: string | null
  dueDate: string | null
  label: string | null
  count: number
}

/** A row and the name of its center. */
type Named = { row: TargetRow; centerName: string | null }

export type TargetChange = {
  before: unknown
  after: unknown
  beforeNames?: readonly (string | null)[] | null
  afterNames?: readonly (string | null)[] | null
}

/** What makes a row the same row in two grids: what it counts, where and by when. */
const keyOf = ({ product, center, dueDate }: TargetRow) => `${product}|${center}|${dueDate}`

const rowsOf = (value: unknown, names: readonly (string | null)[] | null | undefined): Named[] =>
  Array.isArray(value)
    ? value.map((row: TargetRow, index) => ({ row, centerName: names?.[index] ?? null }))
    : []

/** Each row once, after's first in their order, then those cleared; each with its two sides. */
function targetLines({ before, after, beforeNames, afterNames }: TargetChange) {
  const was = new Map(rowsOf(before, beforeNames).map((named) => [keyOf(named.row), named]))
  const is = rowsOf(after, afterNames)
  const kept = new Set(is.map((named) => keyOf(named.row)))
  return [
    ...is.map((named) => ({ named, before: was.get(keyOf(named.row))?.row ?? null, after: named.row })),
    ...[...was.values()]
      .filter((named) => !kept.has(keyOf(named.row)))
      .map((named) => ({ named, before: named.row, after: null })),
  ].filter((line) => line.before?.count !== line.after?.count || line.before?.label !== line.after?.label)
}

export function TargetChanges({ change, states }: { change: TargetChange; states: AuditStates }) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const count = (row: TargetRow | null) =>
    row ? row.count.toLocaleString(intlLocale) : t('audit.emptyValue')
  return (
    <Stack component="ul" gap={0} m={0} pl="md">
      {targetLines(change).map(({ named, before, after }) => (
        <Text component="li" size="xs" key={keyOf(named.row)}>
          <TargetName {...named} />:{' '}
          <ChangeSides states={states} before={count(before)} after={count(after)} />
        </Text>
      ))}
    </Stack>
  )
}

/** "BHXH tự nguyện · Bưu điện Ba Đình · Ngày ra quân 15/03/2027", as the targets grid names a row. */
function TargetName({ row, centerName }: Named) {
  const { t } = useTranslation()
  const { locale, intlLocale } = useLocale()
  const milestone = row.dueDate
    ? ` · ${row.label ?? t('target.milestone')} ${formatDate(row.dueDate, intlLocale)}`
    : ''
  return (
    <>
      {row.product ? labelOf('Product', row.product, locale) : t('target.allProducts')}
      {' · '}
      {row.center ? (
        <AnchorLink to="/records/$id" params={{ id: row.center }} size="xs">
          {centerName ?? t('audit.types.Center')}
        </AnchorLink>
      ) : (
        t('target.wholeCampaign')
      )}
      {milestone}
    </>
  )
}
