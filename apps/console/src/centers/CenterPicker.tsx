// Picking centers for a campaign: typed with or without diacritics ("sai gon" finds Sài Gòn), and a
// whole branch of the tree at once (a central post office with every post office below it).
import { type ComboboxItem, MultiSelect, type OptionsFilter, Select, Stack } from '@mantine/core'
import { foldSearchKey } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { graphql } from '../graphql.ts'

export const CenterPickerQuery = graphql(`
  query CenterPicker {
    centers(first: 100) {
      edges {
        node {
          id
          code
          name
          parent {
            id
          }
        }
      }
    }
  }
`)

/** The options whose label holds every word typed, diacritics and case aside. */
export const foldedFilter: OptionsFilter = ({ options, search }) => {
  const words = foldSearchKey(search).split(' ').filter(Boolean)
  return (options as ComboboxItem[]).filter((option) => {
    const label = foldSearchKey(option.label)
    return words.every((word) => label.includes(word))
  })
}

/** A center and every center below it, at any depth. */
export function subtreeIds(
  centers: readonly { id: string; parent: { id: string } | null }[],
  rootId: string,
) {
  const ids = [rootId]
  for (let index = 0; index < ids.length; index++) {
    for (const center of centers) if (center.parent?.id === ids[index]) ids.push(center.id)
  }
  return ids
}

export function CenterPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string
  value: string[]
  onChange: (ids: string[]) => void
  error?: React.ReactNode
}) {
  const { t } = useTranslation()
  const [{ data }] = useQuery({ query: CenterPickerQuery })
  const centers = data?.centers.edges.map((edge) => edge.node) ?? []
  const options = centers.map((center) => ({ value: center.id, label: `${center.name} (${center.code})` }))
  return (
    <Stack gap={4}>
      <MultiSelect
        label={label}
        searchable
        filter={foldedFilter}
        data={options}
        value={value}
        onChange={onChange}
        error={error}
      />
      <Select
        label={t('center.addSubtree')}
        description={t('center.addSubtreeHint')}
        placeholder={t('center.addSubtreePlaceholder')}
        searchable
        filter={foldedFilter}
        data={options}
        value={null}
        onChange={(root) => {
          if (root) onChange([...new Set([...value, ...subtreeIds(centers, root)])])
        }}
      />
    </Stack>
  )
}
