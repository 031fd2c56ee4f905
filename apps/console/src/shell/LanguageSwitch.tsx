import { SegmentedControl } from '@mantine/core'
import { type Locale, locales } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { useLocale } from '../i18n/useLocale.ts'

export function LanguageSwitch() {
  const { t } = useTranslation()
  const { locale, changeLocale } = useLocale()
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size="xs"
      value={locale}
      onChange={(value) => changeLocale(value as Locale)}
      data={locales.map((value) => ({ value, label: t(`language.${value}`) }))}
    />
  )
}
