import { Progress, Stack, Text } from '@mantine/core'

/** How far a long task has gone: a bar of `done` out of `total` (empty while the total is unknown), and its text below. */
export function ProgressBar({
  label,
  done,
  total,
  text,
}: {
  label: string
  done: number
  total: number
  text: string
}) {
  return (
    <Stack gap={4}>
      <Progress value={total ? (100 * done) / total : 0} aria-label={label} />
      <Text size="sm">{text}</Text>
    </Stack>
  )
}
