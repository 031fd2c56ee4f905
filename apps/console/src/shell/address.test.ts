import { describe, expect, it } from 'vitest'
import { formatAddress } from './address.ts'

const ward = { fullName: 'Phường Bến Nghé', nameEn: 'Ben Nghe Ward' }

describe('formatAddress', () => {
  it('joins the street and the ward in the viewer’s language', () => {
    expect(formatAddress('12 Lê Lợi', ward, 'vi')).toBe('12 Lê Lợi, Phường Bến Nghé')
    expect(formatAddress('12 Lê Lợi', ward, 'en')).toBe('12 Lê Lợi, Ben Nghe Ward')
  })
  it('shows what is known, and a dash when nothing is', () => {
    expect(formatAddress(null, ward, 'en')).toBe('Ben Nghe Ward')
    expect(formatAddress('12 Lê Lợi', null, 'vi')).toBe('12 Lê Lợi')
    expect(formatAddress('', null, 'vi')).toBe('—')
  })
})
