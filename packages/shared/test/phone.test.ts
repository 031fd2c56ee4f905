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
    '+84 (0)912 345 678',
    '+84 (0) 912.345.678',
    '0084 912 345 678',
    '0084 (0)912 345 678',
    '+840912345678',
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

  it('refuses numbers of the wrong length and non-numbers', () => {
    for (const input of ['091234567', '09123456789', 'not a phone', '+8591234567', '0084 12 345 678']) {
      const result = normalizePhone(input, 'contact.phone')
      expect(result.ok ? null : result.issues[0]).toMatchObject({
        path: 'contact.phone',
        code: 'PHONE_FORMAT',
      })
    }
  })

  it('tells the user what an old 11-digit number became: 0168 123 4567 is 0381 234 567', () => {
    const result = normalizePhone('0168 123 4567')
    expect(result.ok ? null : result.issues).toEqual([
      {
        path: 'phone',
        code: 'PHONE_ELEVEN_DIGITS',
        params: { oldPrefix: '0168', newPrefix: '038', converted: '0381 234 567' },
        message: {
          vi: 'Số 11 chữ số đã chuyển sang 10 chữ số từ năm 2018: đầu số 0168 nay là 038, tức số 0381 234 567.',
          en: 'Eleven-digit numbers became ten-digit numbers in 2018: prefix 0168 is now 038, so the number is 0381 234 567.',
        },
      },
    ])
    expect(normalizePhone('0381 234 567')).toEqual({ ok: true, phone: '+84381234567' })
  })

  it.each([
    ['01212345678', '079'],
    ['+84 121 234 5678', '079'],
    ['0084 (0)129 822 2888', '082'],
    ['01885551234', '058'],
    ['01995959999', '059'],
  ])('converts the old number %s to the prefix %s, in any written form', (input, newPrefix) => {
    const result = normalizePhone(input)
    expect(result.ok ? null : result.issues[0]?.params?.newPrefix).toBe(newPrefix)
  })

  it('says only "10 digits" for an 11-digit number whose prefix was never a mobile one', () => {
    const result = normalizePhone('01301234567')
    expect(result.ok ? null : result.issues[0]?.code).toBe('PHONE_FORMAT')
  })

  it('shows numbers the national way, 0912 345 678', () => {
    expect(formatPhoneNational('+84912345678')).toBe('0912 345 678')
    expect(formatPhoneNational('0084 (0)912345678')).toBe('0912 345 678')
  })

  it('masks the middle of a number for viewers', () => {
    expect(maskPhone('+84912345678')).toBe('091••••678')
  })
})
