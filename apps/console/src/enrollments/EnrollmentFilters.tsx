import { Group, MultiSelect, Select, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { enrollmentStatuses, products } from '@tangtoc/shared'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { graphql } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import type { EnrollmentSearch } from './enrollmentSearch.ts'

export const EnrollmentFilterOptionsQuery = graphql(`
  query EnrollmentFilterOptions($sessionFilter: OutreachSessionFilter) {
    campaigns(first: 100) {
      edges {
        node {
          id
          code
          name
        }
      }
    }
    centers(first: 100) {
      edges {
        node {
          id
          code
          name
        }
      }
    }
    outreachSessions(first: 100, filter: $sessionFilter, orderBy: STARTS_AT_DESC) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`)

type Filters = Omit<EnrollmentSearch, 'sort' | 'dir' | 'after' | 'before'>

/** The list's filters; every change goes to the URL (and back to the first page). */
export function EnrollmentFilters({
  value,
  onChange,
}: {
  value: Filters
  onChange: (next: Filters) => void
}) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const [{ data }] = useQuery({
    query: EnrollmentFilterOptionsQuery,
    variables: { sessionFilter: value.campaign ? { campaign: value.campaign } : null },
  })
  const [search, setSearch] = useState(value.search ?? '')
  const [debouncedSearch] = useDebouncedValue(search, 350)
  // The typed words reach the URL (and the API) once the user pauses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the paused typing sends the words on
  useEffect(() => {
    const next = debouncedSearch.trim() || undefined
    if (next !== value.search) onChange({ ...value, search: next })
  }, [debouncedSearch])

  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch })
  const options = (
    edges: readonly { node: { id: string; name?: string; title?: string; code?: string } }[] = [],
  ) => edges.map(({ node }) => ({ value: node.id, label: node.name ?? node.title ?? node.code ?? node.id }))

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label={t('enrollment.search')}
        placeholder={t('enrollment.searchPlaceholder')}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        w={240}
      />
      <Select
        label={t('enrollment.campaign')}
        placeholder={t('enrollment.any')}
        data={options(data?.campaigns.edges)}
        value={value.campaign ?? null}
        onChange={(campaign) => set({ campaign: campaign ?? undefined, session: undefined })}
        clearable
        searchable
        w={220}
      />
      <Select
        label={t('enrollment.center')}
        placeholder={t('enrollment.any')}
        data={options(data?.centers.edges)}
        value={value.center ?? null}
        onChange={(center) => set({ center: center ?? undefined })}
        clearable
        searchable
        w={220}
      />
      <Select
        label={t('enrollment.product')}
        placeholder={t('enrollment.any')}
        data={products.map((product) => ({ value: product, label: label('Product', product) }))}
        value={value.product ?? null}
        onChange={(product) => set({ product: (product as Filters['product']) ?? undefined })}
        clearable
        w={180}
      />
      <MultiSelect
        label={t('enrollment.status')}
        placeholder={value.status?.length ? undefined : t('enrollment.any')}
        data={enrollmentStatuses.map((status) => ({
          value: status,
          label: label('EnrollmentStatus', status),
        }))}
        value={value.status ?? []}
        onChange={(status) => set({ status: status.length > 0 ? (status as Filters['status']) : undefined })}
        clearable
        w={220}
      />
      <TextInput
        label={t('enrollment.registeredFrom')}
        type="date"
        value={value.from ?? ''}
        onChange={(event) => set({ from: event.currentTarget.value || undefined })}
        w={150}
      />
      <TextInput
        label={t('enrollment.registeredTo')}
        type="date"
        value={value.to ?? ''}
        onChange={(event) => set({ to: event.currentTarget.value || undefined })}
        w={150}
      />
      <Select
        label={t('enrollment.session')}
        placeholder={t('enrollment.any')}
        data={options(data?.outreachSessions.edges)}
        value={value.session ?? null}
        onChange={(session) => set({ session: session ?? undefined })}
        clearable
        searchable
        w={220}
      />
    </Group>
  )
}
