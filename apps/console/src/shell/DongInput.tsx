import { NumberInput, type NumberInputProps } from '@mantine/core'
import { useLocale } from '../i18n/useLocale.ts'

/** An amount in đồng: whole, never negative, its thousands grouped as the user's language writes them. */
export function DongInput(props: NumberInputProps) {
  const { locale } = useLocale()
  return (
    <NumberInput
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator={locale === 'vi' ? '.' : ','}
      decimalSeparator={locale === 'vi' ? ',' : '.'}
      suffix=" ₫"
      {...props}
    />
  )
}
