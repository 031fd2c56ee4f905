import { type LabelledEnum, labelOf } from '@tangtoc/shared'
import { useLocale } from './useLocale.ts'

/** Labels enum values (products, statuses, center kinds…) in the chosen language, from @tangtoc/shared. */
export function useEnumLabel(): (name: LabelledEnum, value: string) => string {
  const { locale } = useLocale()
  return (name, value) => labelOf(name, value, locale)
}
