import { formatDate, formatDong, type Locale } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { currentLocale, intlLocales } from './i18n.ts'

/** The chosen language and the Intl locale that formats numbers and dates for it. */
export function useLocale(): { locale: Locale; intlLocale: string; changeLocale: (locale: Locale) => void } {
  const { i18n } = useTranslation()
  const locale = currentLocale(i18n)
  return {
    locale,
    intlLocale: intlLocales[locale],
    changeLocale: (next) => void i18n.changeLanguage(next),
  }
}

/** Amounts in đồng and calendar days as the chosen language writes them. */
export function useFormats() {
  const { intlLocale } = useLocale()
  return {
    dong: (amount: number) => formatDong(amount, intlLocale),
    date: (value: string) => formatDate(value, intlLocale),
  }
}
