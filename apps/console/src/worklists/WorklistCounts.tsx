// On the progress page: how many people each follow-up list holds at the centers shown, each a link to
// the list.
import { Paper, SimpleGrid, Text, Title } from '@mantine/core'
import { worklists } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { graphql } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { AnchorLink } from '../shell/links.tsx'

export const WorklistCountsQuery = graphql(`
  query WorklistCounts($filter: WorklistFilter) {
    worklistCounts(filter: $filter) {
      list
      count
    }
  }
`)

export function WorklistCounts({ center }: { center?: string | undefined }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const [{ data }] = useQuery({ query: WorklistCountsQuery, variables: { filter: center ? { center } : {} } })
  if (!data) return null
  return (
    <section aria-labelledby="progress-worklists">
      <Title order={3} size="h4" id="progress-worklists" mb="sm">
        {t('worklist.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        {worklists.map((list) => {
          const count = data.worklistCounts.find((entry) => entry.list === list)?.count ?? 0
          return (
            <Paper withBorder p="sm" key={list}>
              <Text size="xl" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {t('progress.count', { value: count })}
              </Text>
              <AnchorLink to="/worklists" search={{ list }} size="sm">
                {label('Worklist', list)}
              </AnchorLink>
            </Paper>
          )
        })}
      </SimpleGrid>
    </section>
  )
}
