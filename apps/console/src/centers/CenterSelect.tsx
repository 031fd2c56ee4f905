import { Select, type SelectProps } from '@mantine/core'
import { useQuery } from 'urql'
import { CenterChoicesQuery } from './CenterQueries.ts'

/** A choice of center, named "Name (CODE)", searchable and clearable; `exclude` is left out (a center is not its own parent). */
export function CenterSelect({ exclude, ...props }: Omit<SelectProps, 'data'> & { exclude?: string }) {
  const [{ data: choices }] = useQuery({ query: CenterChoicesQuery })
  const centers = (choices?.centers.edges ?? [])
    .filter(({ node }) => node.id !== exclude)
    .map(({ node }) => ({ value: node.id, label: `${node.name} (${node.code})` }))
  return <Select data={centers} searchable clearable {...props} />
}
