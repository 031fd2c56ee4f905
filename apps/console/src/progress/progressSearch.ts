// The progress page's view as typed search params, so that a drill-down or a period is a link: the center
// whose subtree the figures cover, and the period they count.
import { addDays, type IsoDate, isIsoDate } from '@tangtoc/shared'
import { definedParams, textParam } from '../shell/listSearch.ts'

export type ProgressSearch = {
  /** A center's global id: its own progress page, for it and the centers below it. */
  center?: string
  from?: IsoDate
  to?: IsoDate
}

export function validateProgressSearch(search: Record<string, unknown>): ProgressSearch {
  return definedParams({
    center: textParam(search.center),
    from: isIsoDate(search.from) ? search.from : undefined,
    to: isIsoDate(search.to) ? search.to : undefined,
  })
}

/** The periods a director asks for most; any other is CUSTOM. */
export const periodPresets = ['TODAY', 'WEEK', 'CAMPAIGN'] as const
export type PeriodPreset = (typeof periodPresets)[number]

/** The first day of the week (Monday, as in Vietnam) that `date` falls in. */
function mondayOf(date: IsoDate): IsoDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return addDays(date, -((weekday + 6) % 7))
}

/** The period of a preset on `today` (the campaign's today): the whole campaign is no bounds at all. */
export function presetPeriod(preset: PeriodPreset, today: IsoDate): Pick<ProgressSearch, 'from' | 'to'> {
  switch (preset) {
    case 'TODAY':
      return { from: today, to: today }
    case 'WEEK':
      return { from: mondayOf(today), to: today }
    case 'CAMPAIGN':
      return {}
  }
}

/** Which preset a period is on `today`, or CUSTOM. */
export function presetOf({ from, to }: Pick<ProgressSearch, 'from' | 'to'>, today: IsoDate) {
  return (
    periodPresets.find((preset) => {
      const period = presetPeriod(preset, today)
      return period.from === from && period.to === to
    }) ?? 'CUSTOM'
  )
}
