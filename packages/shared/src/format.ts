// Display formatting for money and dates. Built on Intl only, so it behaves the same in Node and the browser.
import { dateTimeFormat, numberFormat } from './intl.ts'

/** Whole đồng for display: formatDong(1263600, 'vi-VN') → '1.263.600 ₫' (with a no-break space). */
export function formatDong(amount: number, locale = 'vi-VN'): string {
  return numberFormat(locale, {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }).format(amount)
}

/**
 * A calendar date ('YYYY-MM-DD') for display: formatDate('2025-11-04', 'vi-VN') → '04/11/2025'.
 * Formatted in UTC because the value is a date, not an instant: no time zone may shift its day.
 */
export function formatDate(isoDate: string, locale = 'vi-VN'): string {
  return dateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`))
}
