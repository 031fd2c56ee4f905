import { Group, MultiSelect, Select } from '@mantine/core'
import { enrollmentStatuses, products } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { useViewer } from '../auth/viewer.tsx'
import { graphql } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { sessionChoice } from '../sessions/sessionChoice.ts'
import { DateField } from '../shell/DateField.tsx'
import { SearchField } from '../shell/SearchField.tsx'
import type { EnrollmentFilterValues } from './enrollmentSearch.ts'

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
          startsAt
        }
      }
    }
  }
`)

type Filters = EnrollmentFilterValues

/** The list's filters; every change goes to the URL (and back to the first page). */
// long: one field per filter, each a few props; apart they would only pass the same value and onChange around
export function EnrollmentFilters({
  value,
  onChange,
}: {
  value: Filters
  onChange: (next: Filters) => void
}) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const { intlLocale } = useLocale()
  const [{ data }] = useQuery({
    query: EnrollmentFilterOptionsQuery,
    variables: { sessionFilter: value.campaign ? { campaign: value.campaign } : null },
  })
  const viewer = useViewer()
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch })
  const options = (edges: readonly { node: { id: string; name: string } }[] = []) =>
    edges.map(({ node }) => ({ value: node.id, label: node.name }))

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SearchField
        label={t('enrollment.search')}
        // Viewers see phones and citizen IDs masked, and search by name only.
        placeholder={t(
          viewer.role === 'VIEWER' ? 'enrollment.searchPlaceholderByName' : 'enrollment.searchPlaceholder',
        )}
        value={value.search}
        onChange={(search) => onChange({ ...value, search })}
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
        // Wide enough for the longest centers' names (Bưu điện Trung tâm Nam Sài Gòn) beside its clear button.
        w={280}
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
      <DateField
        label={t('enrollment.registeredFrom')}
        value={value.from ?? ''}
        onChange={(from) => set({ from: from || undefined })}
        w={150}
      />
      <DateField
        label={t('enrollment.registeredTo')}
        value={value.to ?? ''}
        onChange={(to) => set({ to: to || undefined })}
        w={150}
      />
      <Select
        label={t('enrollment.session')}
        placeholder={t('enrollment.any')}
        data={(data?.outreachSessions.edges ?? []).map(({ node }) => sessionChoice(node, intlLocale))}
        value={value.session ?? null}
        onChange={(session) => set({ session: session ?? undefined })}
        clearable
        searchable
        w={220}
      />
    </Group>
  )
}
