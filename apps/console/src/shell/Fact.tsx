import { Group, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** One fact of a record's page: its term, dimmed in a fixed column, and its value beside it. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={170} style={{ flexShrink: 0 }}>
        {term}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  )
}
