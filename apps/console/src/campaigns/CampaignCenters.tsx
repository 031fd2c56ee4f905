import { Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type FragmentOf, graphql, readFragment } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { Empty } from '../shell/QueryState.tsx'

export const CampaignCenterFields = graphql(`
  fragment CampaignCenterFields on CampaignCentersConnectionEdge {
    role
    node {
      id
      code
      name
      kind
    }
  }
`)

/** The centers that organise or take part in a campaign, with their part in it. */
export function CampaignCenters({
  centers,
}: {
  centers: readonly FragmentOf<typeof CampaignCenterFields>[]
}) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  if (centers.length === 0) return <Empty>{t('center.empty')}</Empty>

  return (
    <Table striped aria-label={t('center.plural')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('center.code')}</Table.Th>
          <Table.Th scope="col">{t('center.name')}</Table.Th>
          <Table.Th scope="col">{t('center.kind')}</Table.Th>
          <Table.Th scope="col">{t('center.role')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {centers.map((masked) => {
          const { role, node: center } = readFragment(CampaignCenterFields, masked)
          return (
            <Table.Tr key={center.id}>
              <Table.Td>{center.code}</Table.Td>
              <Table.Td>{center.name}</Table.Td>
              <Table.Td>{label('CenterKind', center.kind)}</Table.Td>
              <Table.Td>{label('CampaignCenterRole', role)}</Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
