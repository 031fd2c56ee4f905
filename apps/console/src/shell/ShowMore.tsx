import { Button, Center } from '@mantine/core'

/** Asks for the next page of a connection; graphcache's relayPagination appends it to the list. */
export function ShowMore({
  pageInfo,
  fetching,
  onMore,
  children,
}: {
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  fetching: boolean
  onMore: (after: string) => void
  children: string
}) {
  const { hasNextPage, endCursor } = pageInfo
  if (!hasNextPage || endCursor === null) return null
  return (
    <Center mt="sm">
      <Button variant="default" size="xs" loading={fetching} onClick={() => onMore(endCursor)}>
        {children}
      </Button>
    </Center>
  )
}
