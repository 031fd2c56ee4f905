import {
  Box,
  Button,
  ColorSwatch,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core'
import { formatDate, type IsoDate, localDateInZone, type SessionKind, sessionKinds } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { AnchorLink } from '../shell/links.tsx'
import { formatTime } from '../shell/zonedTime.ts'
import { addDays, addMonthsToMonth, visibleDays } from './calendarDays.ts'

export type CalendarSession = {
  id: string
  title: string
  kind: SessionKind
  startsAt: string
  status: string
}

/** Each kind of session has its colour on the calendar, named in the legend below it. */
export const sessionKindColors: Record<SessionKind, string> = {
  LAUNCH_CEREMONY: 'red',
  CONFERENCE: 'violet',
  CONSULTATION_GROUP: 'teal',
  DOOR_TO_DOOR: 'orange',
  MARKET_STALL: 'yellow',
  ONLINE: 'blue',
}

/** A month's day shows this many sessions; a busier day says how many more and opens its week. */
export const sessionsShownPerDay = 3

type SessionCalendarProps = {
  view: 'month' | 'week'
  day: IsoDate
  sessions: readonly CalendarSession[]
  onDayChange: (day: IsoDate) => void
  /** Shows the week of a busy day, every session in it. */
  onOpenWeek: (day: IsoDate) => void
  /** The chosen campaign's first day, to go to its period at once. */
  campaignStart?: IsoDate
  /** The zone whose days the grid shows and whose clock its times read: the campaign's. */
  timeZone: string
}

/**
 * Sessions on a month or week grid in a campaign's time zone. A plain grid of Mantine components: the
 * console needs days with links in them, not drag-and-drop scheduling, so no calendar library.
 */
export function SessionCalendar({
  view,
  day,
  sessions,
  onDayChange,
  onOpenWeek,
  campaignStart,
  timeZone,
}: SessionCalendarProps) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const days = visibleDays(view, day)
  const today = localDateInZone(new Date(), timeZone)
  const byDay = sessionsByDay(sessions, timeZone)
  // One format for every title: the console's dd/MM/yyyy, a month as MM/yyyy.
  const title =
    view === 'month'
      ? t('session.monthTitle', { month: formatDate(day, intlLocale).slice(3) })
      : `${formatDate(days[0] ?? day, intlLocale)} – ${formatDate(days[6] ?? day, intlLocale)}`

  return (
    <Stack gap="xs" component="section" aria-label={t('session.calendarLabel', { period: title })}>
      <CalendarNavigation
        view={view}
        title={title}
        onStep={(direction) =>
          onDayChange(view === 'month' ? addMonthsToMonth(day, direction) : addDays(day, 7 * direction))
        }
        onDayChange={onDayChange}
        today={today}
        campaignStart={campaignStart}
      />
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
        <WeekdayHeads week={days.slice(0, 7)} intlLocale={intlLocale} />
        {days.map((current) => (
          <CalendarDay
            key={current}
            current={current}
            view={view}
            inMonth={view === 'week' || current.slice(0, 7) === day.slice(0, 7)}
            isToday={current === today}
            sessions={byDay.get(current) ?? []}
            onOpenWeek={onOpenWeek}
            timeZone={timeZone}
          />
        ))}
      </SimpleGrid>
      <KindLegend />
    </Stack>
  )
}

/** The grid's first row: the names of its week's days, in the user's language. */
function WeekdayHeads({ week, intlLocale }: { week: readonly IsoDate[]; intlLocale: string }) {
  const weekdayFormat = new Intl.DateTimeFormat(intlLocale, { weekday: 'short', timeZone: 'UTC' })
  return week.map((weekday) => (
    <Text key={`head-${weekday}`} size="xs" c="dimmed" ta="center" aria-hidden>
      {weekdayFormat.format(new Date(`${weekday}T00:00:00Z`))}
    </Text>
  ))
}

/** Back and forward a month or week, the period's title, today and the campaign's period. */
function CalendarNavigation({
  view,
  title,
  onStep,
  onDayChange,
  today,
  campaignStart,
}: {
  view: 'month' | 'week'
  title: string
  onStep: (direction: 1 | -1) => void
  onDayChange: (day: IsoDate) => void
  today: IsoDate
  campaignStart: IsoDate | undefined
}) {
  const { t } = useTranslation()
  return (
    <Group justify="space-between">
      <Button variant="default" size="xs" onClick={() => onStep(-1)}>
        ← {view === 'month' ? t('session.previousMonth') : t('session.previousWeek')}
      </Button>
      <Group gap="xs">
        <Text fw={600}>{title}</Text>
        <Button variant="subtle" size="xs" onClick={() => onDayChange(today)}>
          {t('session.today')}
        </Button>
        {campaignStart ? (
          <Button variant="subtle" size="xs" onClick={() => onDayChange(campaignStart)}>
            {t('session.campaignPeriod')}
          </Button>
        ) : null}
      </Group>
      <Button variant="default" size="xs" onClick={() => onStep(1)}>
        {view === 'month' ? t('session.nextMonth') : t('session.nextWeek')} →
      </Button>
    </Group>
  )
}

/** One day's cell: its sessions, in a month only the first few and a button to the rest of its week. */
function CalendarDay({
  current,
  view,
  inMonth,
  isToday,
  sessions,
  onOpenWeek,
  timeZone,
}: {
  current: IsoDate
  view: 'month' | 'week'
  inMonth: boolean
  isToday: boolean
  sessions: readonly CalendarSession[]
  onOpenWeek: (day: IsoDate) => void
  timeZone: string
}) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const shown = view === 'month' ? sessions.slice(0, sessionsShownPerDay) : sessions
  const more = sessions.length - shown.length
  return (
    <Paper
      withBorder
      p={4}
      mih={view === 'week' ? 220 : 88}
      bg={isToday ? 'var(--mantine-color-blue-light)' : undefined}
      opacity={inMonth ? 1 : 0.55}
      aria-label={new Intl.DateTimeFormat(intlLocale, { dateStyle: 'full', timeZone: 'UTC' }).format(
        new Date(`${current}T00:00:00Z`),
      )}
      role="group"
      aria-current={isToday ? 'date' : undefined}
    >
      <Text size="xs" fw={600}>
        {Number(current.slice(8))}
      </Text>
      <Stack gap={2}>
        {shown.map((session) => (
          <CalendarSessionLink key={session.id} session={session} timeZone={timeZone} />
        ))}
        {more > 0 ? (
          <UnstyledButton onClick={() => onOpenWeek(current)} fz="xs" c="blue.8" ta="left">
            {t('session.moreOnDay', { count: more })}
          </UnstyledButton>
        ) : null}
      </Stack>
    </Paper>
  )
}

/** A session's time and title in its kind's colour, struck through when cancelled. */
function CalendarSessionLink({ session, timeZone }: { session: CalendarSession; timeZone: string }) {
  const { intlLocale } = useLocale()
  const label = useEnumLabel()
  return (
    <Box
      pl={4}
      style={{
        lineHeight: 1.2,
        borderLeft: `3px solid var(--mantine-color-${sessionKindColors[session.kind]}-6)`,
      }}
    >
      <AnchorLink
        to="/sessions/$id"
        params={{ id: session.id }}
        size="xs"
        td={session.status === 'CANCELLED' ? 'line-through' : undefined}
        title={label('SessionKind', session.kind)}
      >
        {formatTime(session.startsAt, intlLocale, timeZone)} {session.title}
      </AnchorLink>
    </Box>
  )
}

/** Each kind's colour, named. */
function KindLegend() {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <Group gap="md" component="ul" role="list" aria-label={t('session.legend')} p={0} m={0}>
      {sessionKinds.map((kind) => (
        <Group key={kind} gap={6} component="li" style={{ listStyle: 'none' }}>
          <ColorSwatch color={`var(--mantine-color-${sessionKindColors[kind]}-6)`} size={12} aria-hidden />
          <Text size="xs">{label('SessionKind', kind)}</Text>
        </Group>
      ))}
    </Group>
  )
}

/** Sessions by the day they start on in the zone. */
function sessionsByDay(
  sessions: readonly CalendarSession[],
  timeZone: string,
): Map<IsoDate, CalendarSession[]> {
  const byDay = new Map<IsoDate, CalendarSession[]>()
  for (const session of sessions) {
    const local = localDateInZone(session.startsAt, timeZone)
    byDay.set(local, [...(byDay.get(local) ?? []), session])
  }
  return byDay
}
