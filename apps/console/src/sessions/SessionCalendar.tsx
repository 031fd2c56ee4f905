import { Box, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { type IsoDate, localDateInZone } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { useLocale } from '../i18n/useLocale.ts'
import { AnchorLink } from '../shell/links.tsx'
import { formatTime } from '../shell/zonedTime.ts'
import { addDays, addMonthsToMonth, visibleDays } from './calendarDays.ts'

export type CalendarSession = { id: string; title: string; startsAt: string; status: string }

/**
 * Sessions on a month or week grid in Hồ Chí Minh time. A plain grid of Mantine components: the
 * console needs days with links in them, not drag-and-drop scheduling, so no calendar library.
 */
export function SessionCalendar({
  view,
  day,
  sessions,
  onDayChange,
}: {
  view: 'month' | 'week'
  day: IsoDate
  sessions: readonly CalendarSession[]
  onDayChange: (day: IsoDate) => void
}) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const days = visibleDays(view, day)
  const today = localDateInZone(new Date())
  const byDay = new Map<IsoDate, CalendarSession[]>()
  for (const session of sessions) {
    const local = localDateInZone(session.startsAt)
    byDay.set(local, [...(byDay.get(local) ?? []), session])
  }
  const weekdayFormat = new Intl.DateTimeFormat(intlLocale, { weekday: 'short', timeZone: 'UTC' })
  const title =
    view === 'month'
      ? new Intl.DateTimeFormat(intlLocale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${day}T00:00:00Z`),
        )
      : `${new Intl.DateTimeFormat(intlLocale, { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(
          new Date(`${days[0]}T00:00:00Z`),
        )} – ${new Intl.DateTimeFormat(intlLocale, {
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(`${days[6]}T00:00:00Z`))}`
  const step = (direction: 1 | -1) =>
    onDayChange(view === 'month' ? addMonthsToMonth(day, direction) : addDays(day, 7 * direction))

  return (
    <Stack gap="xs" component="section" aria-label={t('session.calendarLabel', { period: title })}>
      <Group justify="space-between">
        <Button variant="default" size="xs" onClick={() => step(-1)}>
          ← {view === 'month' ? t('session.previousMonth') : t('session.previousWeek')}
        </Button>
        <Text fw={600}>{title}</Text>
        <Button variant="default" size="xs" onClick={() => step(1)}>
          {view === 'month' ? t('session.nextMonth') : t('session.nextWeek')} →
        </Button>
      </Group>
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
        {days.slice(0, 7).map((weekday) => (
          <Text key={`head-${weekday}`} size="xs" c="dimmed" ta="center" aria-hidden>
            {weekdayFormat.format(new Date(`${weekday}T00:00:00Z`))}
          </Text>
        ))}
        {days.map((current) => {
          const inMonth = view === 'week' || current.slice(0, 7) === day.slice(0, 7)
          const items = byDay.get(current) ?? []
          return (
            <Paper
              key={current}
              withBorder
              p={4}
              mih={view === 'week' ? 220 : 88}
              bg={current === today ? 'var(--mantine-color-blue-light)' : undefined}
              opacity={inMonth ? 1 : 0.55}
              aria-label={new Intl.DateTimeFormat(intlLocale, { dateStyle: 'full', timeZone: 'UTC' }).format(
                new Date(`${current}T00:00:00Z`),
              )}
              role="group"
            >
              <Text size="xs" fw={600}>
                {Number(current.slice(8))}
              </Text>
              <Stack gap={2}>
                {items.map((session) => (
                  <Box key={session.id} style={{ lineHeight: 1.2 }}>
                    <AnchorLink
                      to="/sessions/$id"
                      params={{ id: session.id }}
                      size="xs"
                      td={session.status === 'CANCELLED' ? 'line-through' : undefined}
                    >
                      {formatTime(session.startsAt, intlLocale)} {session.title}
                    </AnchorLink>
                  </Box>
                ))}
              </Stack>
            </Paper>
          )
        })}
      </SimpleGrid>
    </Stack>
  )
}
