import { describe, expect, it } from 'vitest'
import { formatPhoneNational, maskPhone, normalizePhone } from '../src/index.ts'

describe('mobile phone numbers', () => {
  it.each([
    '0912345678',
    '0912 345 678',
    '0912.345.678',
    '0912-345-678',
    '84912345678',
    '+84912345678',
    '+84 912 345 678',
    '(+84) 912-345-678',
  ])('stores %s as +84912345678', (input) => {
    expect(normalizePhone(input)).toEqual({ ok: true, phone: '+84912345678' })
  })

  it('accepts every carrier prefix in the list', () => {
    for (const prefix of [
      '086',
      '032',
      '039',
      '088',
      '081',
      '085',
      '089',
      '070',
      '076',
      '079',
      '092',
      '056',
      '058',
      '099',
      '059',
    ]) {
      expect(normalizePhone(`${prefix}1234567`).ok).toBe(true)
    }
  })

  it('refuses landlines and unused prefixes', () => {
    for (const input of ['0281234567', '0951234567', '0311234567', '0501234567']) {
      const result = normalizePhone(input)
      expect(result.ok ? '' : result.issues[0]?.code).toBe('PHONE_PREFIX')
    }
  })

  it('refuses the old 11-digit numbers and non-numbers', () => {
    for (const input of ['01212345678', '091234567', 'not a phone', '+8591234567']) {
      const result = normalizePhone(input, 'contact.phone')
      expect(result.ok ? null : result.issues[0]).toMatchObject({
        path: 'contact.phone',
        code: 'PHONE_FORMAT',
      })
    }
  })

  it('shows numbers the national way, 0912 345 678', () => {
    expect(formatPhoneNational('+84912345678')).toBe('0912 345 678')
  })

  it('masks the middle of a number for viewers', () => {
    expect(maskPhone('+84912345678')).toBe('091••••678')
  })
})
