// Below a list: which rows of how many ("1–50 of 20.004"), the page size, and going to any page.
import { Button, Group, NumberInput, Select, Text, VisuallyHidden } from '@mantine/core'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultPageSize, type PageSearch, type PageSize, pageSizes } from './listSearch.ts'

const tabular = { fontVariantNumeric: 'tabular-nums' } as const

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
  const from = totalCount === 0 ? 0 : (page - 1) * size + 1
  const to = Math.min(page * size, totalCount)
  return (
    <Group justify="space-between" gap="sm" wrap="wrap" aria-label={t('list.pager')} role="group">
      <Text size="sm" aria-live="polite" style={tabular}>
        {t('list.range', { from, to, total: totalCount })}
      </Text>
      <Group gap="xs" wrap="wrap">
        {onSize ? <PageSizeSelect size={size} onSize={onSize} /> : null}
        <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('list.previous')}
        </Button>
        <Text size="sm" style={tabular}>
          {t('list.pageOf', { page, pages })}
        </Text>
        <Button variant="default" size="xs" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t('list.next')}
        </Button>
        <GoToPage pages={pages} onPage={onPage} />
      </Group>
    </Group>
  )
}

/**
 * The pager of a list whose page and size live in its address (`PageSearch`): another page keeps the
 * filters, another size starts again from the first page.
 */
export function AddressPager({ totalCount }: { totalCount: number }) {
  const search: PageSearch = useSearch({ strict: false })
  const navigate = useNavigate()
  return (
    <ListPager
      page={search.page ?? 1}
      size={search.size ?? defaultPageSize}
      totalCount={totalCount}
      onPage={(page) =>
        void navigate({
          to: '.',
          search: (previous: PageSearch) => ({ ...previous, page: page > 1 ? page : undefined }),
        })
      }
      onSize={(size) =>
        void navigate({
          to: '.',
          search: ({ page: _page, ...previous }: PageSearch) => ({ ...previous, size }),
        })
      }
    />
  )
}

function PageSizeSelect({ size, onSize }: { size: number; onSize: (size: PageSize) => void }) {
  const { t } = useTranslation()
  return (
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
  )
}

/** A page number typed in; one outside 1..pages is not gone to. */
function GoToPage({ pages, onPage }: { pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation()
  const [wanted, setWanted] = useState<number | string>('')
  const go = () => {
    const target = Number(wanted)
    if (Number.isInteger(target) && target >= 1 && target <= pages) {
      onPage(target)
      setWanted('')
    }
  }
  return (
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
  )
}
