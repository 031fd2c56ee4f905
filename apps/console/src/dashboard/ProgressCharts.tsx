// The cumulative curve against the target line, and the enrollments of each day (recharts).
import { Paper, Title } from '@mantine/core'
import { formatDate, type IsoDate } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { useLocale } from '../i18n/useLocale.ts'

export type ChartDay = { date: IsoDate; enrolled: number; cumulative: number; target: number | null }

export function ProgressCharts({ days, asOf }: { days: readonly ChartDay[]; asOf: IsoDate }) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const number = new Intl.NumberFormat(intlLocale)
  const shortDate = (date: string) => formatDate(date, intlLocale).slice(0, 5)
  // Days after today have no enrollments yet: the curve stops at today, the target line runs on.
  const points = days.map((day) => ({
    date: day.date,
    target: day.target,
    cumulative: day.date <= asOf ? day.cumulative : null,
    enrolled: day.date <= asOf ? day.enrolled : null,
  }))
  const tooltip = {
    labelFormatter: (date: unknown) => formatDate(String(date), intlLocale),
    formatter: (value: unknown) => number.format(Number(value)),
  }

  return (
    <>
      <Paper withBorder p="md" component="figure" m={0} aria-labelledby="dashboard-cumulative">
        <Title order={3} size="h4" id="dashboard-cumulative" mb="sm" component="figcaption">
          {t('dashboard.cumulativeChart')}
        </Title>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={points} margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} />
            <YAxis tickFormatter={(value) => number.format(value)} width={72} />
            <Tooltip {...tooltip} />
            <Line
              name={t('dashboard.targetLine')}
              dataKey="target"
              stroke="#868e96"
              strokeDasharray="6 4"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              name={t('dashboard.enrolledLine')}
              dataKey="cumulative"
              stroke="#1c7ed6"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </Paper>
      <Paper withBorder p="md" component="figure" m={0} aria-labelledby="dashboard-per-day">
        <Title order={3} size="h4" id="dashboard-per-day" mb="sm" component="figcaption">
          {t('dashboard.perDayChart')}
        </Title>
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={points} margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} />
            <YAxis tickFormatter={(value) => number.format(value)} width={72} />
            <Tooltip {...tooltip} />
            <Bar name={t('dashboard.perDay')} dataKey="enrolled" fill="#1c7ed6" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Paper>
    </>
  )
}
