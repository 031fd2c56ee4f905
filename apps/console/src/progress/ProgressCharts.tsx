// One figure per product (16,000 and 350,000 cannot share an axis): the cumulative curve against the
// product's target line and, from today, the pace still needed to reach it; below it each day's count.
import { Paper, SimpleGrid, Title } from '@mantine/core'
import { daysBetween, formatDate, type Product } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { type FragmentOf, type ResultOf, readFragment } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { ProductCurveFragment } from './ProgressQueries.ts'

export type ProductCurve = ResultOf<typeof ProductCurveFragment>

const colors = { enrolled: '#1c7ed6', target: '#868e96', needed: '#e8590c' } as const

/**
 * The points a product's chart draws: the curve stops at today, the target line runs on, and the pace
 * needed runs from today's total to the target on the last day.
 */
export function curvePoints(curve: ProductCurve) {
  const today = curve.days.find((day) => day.date === curve.asOf)
  return curve.days.map((day) => ({
    date: day.date,
    target: day.target,
    cumulative: day.date <= curve.asOf ? day.cumulative : null,
    enrolled: day.date <= curve.asOf ? day.enrolled : null,
    needed:
      today && curve.dailyPaceNeeded !== null && day.date >= curve.asOf
        ? Math.round(today.cumulative + curve.dailyPaceNeeded * daysBetween(curve.asOf, day.date))
        : null,
  }))
}

export function ProgressCharts({
  curves,
}: {
  curves: readonly { product: Product; curve: FragmentOf<typeof ProductCurveFragment> }[]
}) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {curves.map(({ product, curve }) => (
        <ProductChart key={product} product={product} curve={readFragment(ProductCurveFragment, curve)} />
      ))}
    </SimpleGrid>
  )
}

// long: the two charts' axes, lines and bars are recharts' own children, each a few props; apart they would share every format
function ProductChart({ product, curve }: { product: Product; curve: ProductCurve }) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const label = useEnumLabel()
  const number = new Intl.NumberFormat(intlLocale)
  const shortDate = (date: string) => formatDate(date, intlLocale).slice(0, 5)
  const points = curvePoints(curve)
  const tooltip = {
    labelFormatter: (date: unknown) => formatDate(String(date), intlLocale),
    formatter: (value: unknown) => number.format(Number(value)),
  }
  const titleId = `progress-chart-${product}`
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-labelledby={titleId} className="progress-chart">
      <Title order={3} size="h4" id={titleId} mb="sm" component="figcaption">
        {t('progress.productChart', { product: label('Product', product) })}
      </Title>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={points} margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} />
          <YAxis tickFormatter={(value) => number.format(value)} width={72} />
          <Tooltip {...tooltip} />
          <Legend />
          <Line
            name={t('progress.targetLine')}
            dataKey="target"
            stroke={colors.target}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            name={t('progress.neededLine')}
            dataKey="needed"
            stroke={colors.needed}
            strokeDasharray="2 3"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            name={t('progress.enrolledLine')}
            dataKey="cumulative"
            stroke={colors.enrolled}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <ResponsiveContainer width="100%" height={120}>
        <BarChart data={points} margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} />
          <YAxis tickFormatter={(value) => number.format(value)} width={72} />
          <Tooltip {...tooltip} />
          <Bar
            name={t('progress.perDay')}
            dataKey="enrolled"
            fill={colors.enrolled}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </Paper>
  )
}
