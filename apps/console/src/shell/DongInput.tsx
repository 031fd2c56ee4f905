import { NumberInput, type NumberInputProps } from '@mantine/core'
import { dongNotation } from '@tangtoc/shared'
import { useLocale } from '../i18n/useLocale.ts'

/**
 * An amount in đồng: whole, never negative, written as the user's language shows amounts elsewhere
 * (formatDong): '3.000.000 ₫' in Vietnamese, '₫3,000,000' in English.
 */
export function DongInput(props: NumberInputProps) {
  const { intlLocale } = useLocale()
  const { prefix, suffix, group, decimal } = dongNotation(intlLocale)
  return (
    <NumberInput
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator={group}
      decimalSeparator={decimal}
      prefix={prefix}
      suffix={suffix}
      {...props}
    />
  )
}
