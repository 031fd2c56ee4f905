import { Table } from '@mantine/core'
import { formatDate } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { type FragmentOf, graphql, readFragment } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { Empty } from '../shell/QueryState.tsx'

export const TargetFields = graphql(`
  fragment TargetFields on Target {
    id
    product
    center {
      id
      code
      name
    }
    dueDate
    label
    count
  }
`)

/** A campaign's targets: per product or all products, for the whole campaign or a center, by a date or its end. */
export function TargetsTable({ targets }: { targets: readonly FragmentOf<typeof TargetFields>[] }) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const label = useEnumLabel()
  if (targets.length === 0) return <Empty>{t('target.empty')}</Empty>

  return (
    <Table striped aria-label={t('target.plural')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('target.product')}</Table.Th>
          <Table.Th scope="col">{t('target.center')}</Table.Th>
          <Table.Th scope="col">{t('target.milestone')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('target.count')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {targets.map((masked) => {
          const target = readFragment(TargetFields, masked)
          const due = target.dueDate ? formatDate(target.dueDate, intlLocale) : t('target.dueAtCampaignEnd')
          return (
            <Table.Tr key={target.id}>
              <Table.Td>
                {target.product ? label('Product', target.product) : t('target.allProducts')}
              </Table.Td>
              <Table.Td>{target.center ? target.center.name : t('target.wholeCampaign')}</Table.Td>
              <Table.Td>{target.label ? `${due} · ${target.label}` : due}</Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {t('target.countValue', { value: target.count })}
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
