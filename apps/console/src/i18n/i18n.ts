import { type Locale, locales } from '@tangtoc/shared'
import { createInstance, type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en.ts'
import { type Messages, vi } from './vi.ts'

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages }
  }
}

const storageKey = 'tangtoc.locale'

/** The Intl locale behind each console language: vi-VN writes 16.000 and 04/11/2025; English is day-first too (en-GB). */
export const intlLocales: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' }

/** The language the user last chose, Vietnamese until they choose. */
export function rememberedLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(storageKey)
  return locales.find((locale) => locale === stored) ?? 'vi'
}

export function createI18n(locale: Locale = rememberedLocale()): I18n {
  const i18n = createInstance()
  void i18n.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'vi',
    supportedLngs: locales,
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  // The page's language follows the console's, for screen readers and hyphenation; the choice is remembered.
  i18n.on('languageChanged', (language) => {
    globalThis.localStorage?.setItem(storageKey, language)
    if (typeof document !== 'undefined') document.documentElement.lang = language
  })
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  return i18n
}

/** The console's current language, narrowed to the ones it speaks. */
export function currentLocale(i18n: I18n): Locale {
  return locales.find((locale) => locale === i18n.resolvedLanguage) ?? 'vi'
}
