// The calendars of every date field (shell/DateField.tsx): the console's language, weeks from Monday.
import { DatesProvider } from '@mantine/dates'
import 'dayjs/locale/en-gb'
import 'dayjs/locale/vi'
import type { ReactNode } from 'react'
import { useLocale } from '../i18n/useLocale.ts'

export function LocalizedDates({ children }: { children: ReactNode }) {
  const { locale } = useLocale()
  return (
    <DatesProvider settings={{ locale: locale === 'vi' ? 'vi' : 'en-gb', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  )
}
