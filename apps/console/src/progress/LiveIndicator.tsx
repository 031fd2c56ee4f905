// Whether the progress page's figures arrive live (pushed by the API over Server-Sent Events) or, with the
// stream down, by asking again every 30 seconds.
import { Badge, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export function LiveIndicator({ live }: { live: boolean }) {
  const { t } = useTranslation()
  return (
    <Group gap="xs" role="status" aria-live="polite">
      {live ? (
        <>
          <Badge color="green" variant="dot" size="lg">
            {t('progress.live')}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('progress.liveNote')}
          </Text>
        </>
      ) : (
        <Text size="xs" c="dimmed">
          {t('progress.liveLost')}
        </Text>
      )}
    </Group>
  )
}
