import type { Locale } from '@tangtoc/shared'

type Ward = { fullName: string; nameEn: string }

/** A street address and its ward, in the viewer's language, as one line; '—' when neither is known. */
export function formatAddress(
  address: string | null | undefined,
  ward: Ward | null | undefined,
  locale: Locale,
) {
  return (
    [address, ward ? (locale === 'vi' ? ward.fullName : ward.nameEn) : null].filter(Boolean).join(', ') || '—'
  )
}
