import { describe, expect, it } from 'vitest'
import { describeIssue, enumLabels, enumValues, issue, labelOf, messages } from '../src/index.ts'
import { messageVariants, phrases } from '../src/messages.ts'

describe('messages and labels', () => {
  it('has Vietnamese and English text for every issue code', () => {
    for (const [code, text] of Object.entries(messages)) {
      expect(text.vi.length, code).toBeGreaterThan(0)
      expect(text.en.length, code).toBeGreaterThan(0)
      expect(text.vi, code).not.toBe(text.en)
    }
  })

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [code, text] of Object.entries(messages))
      expect(placeholders(text.vi), code).toEqual(placeholders(text.en))
    for (const [code, variants] of Object.entries(messageVariants))
      for (const [variant, text] of Object.entries(variants))
        expect(placeholders(text.vi), `${code} ${variant}`).toEqual(placeholders(text.en))
  })

  it('has both languages for every variant and phrase', () => {
    const texts = [
      ...Object.values(messageVariants).flatMap((variants) => Object.values(variants)),
      ...Object.values(phrases),
    ]
    for (const text of texts) {
      expect(text.vi.length).toBeGreaterThan(0)
      expect(text.vi).not.toBe(text.en)
    }
  })

  it("a variant keeps the code and replaces the code's own text", () => {
    const problem = issue('person.wardCode', 'WARD_UNKNOWN', { wardCode: '99999' }, 'person')
    expect(problem).toMatchObject({ code: 'WARD_UNKNOWN', variant: 'person' })
    expect(problem.message.vi).toBe('Không có phường, xã mã 99999.')
    expect(describeIssue(problem, 'en')).toBe('There is no ward with code 99999.')
    expect(issue('password', 'INVALID_CREDENTIALS').message.en).toBe('Wrong username or password.')
    expect(issue('currentPassword', 'INVALID_CREDENTIALS', {}, 'currentPassword').message.en).toBe(
      'The current password is wrong.',
    )
  })

  it('fills a phrase param in each language', () => {
    const problem = issue('name', 'INVALID_LENGTH', { field: { phrase: 'API_TOKEN_NAME' }, min: 1, max: 100 })
    expect(problem.message).toEqual({
      vi: 'Tên mã API phải có từ 1 đến 100 ký tự.',
      en: 'A token name has 1 to 100 characters.',
    })
    expect(describeIssue({ code: 'WARD_UNKNOWN', params: { wardCode: '26734' } }, 'vi')).toBe(
      'Không có phường, xã nào mang mã 26734.',
    )
  })

  it('labels every value of every enumeration in both languages', () => {
    for (const locale of ['vi', 'en'] as const) {
      for (const [name, values] of Object.entries(enumValues)) {
        const labels: Record<string, string> = enumLabels[locale][name as keyof typeof enumValues]
        expect(Object.keys(labels).sort(), `${locale} ${name}`).toEqual([...values].sort())
      }
    }
    expect(enumLabels.vi.Product.VOLUNTARY_SOCIAL_INSURANCE).toBe('BHXH tự nguyện')
    expect(enumLabels.vi.Product.HOUSEHOLD_HEALTH_INSURANCE).toBe('BHYT hộ gia đình')
    expect(labelOf('WardType', 'SPECIAL_ZONE', 'vi')).toBe('Đặc khu')
  })

  it('fills money params as đồng in each language', () => {
    const problem = issue('monthlyIncome', 'INCOME_BELOW_FLOOR', { floor: { dong: 1_500_000 } })
    expect(problem.message.vi).toBe(
      'Mức thu nhập thấp hơn mức tối thiểu 1.500.000\u00a0₫ (chuẩn hộ nghèo khu vực nông thôn).',
    )
    expect(describeIssue(problem, 'en')).toContain('1,500,000')
    expect(describeIssue(problem, 'vi')).toBe(problem.message.vi)
  })

  it('fills date params as day/month/year in each language', () => {
    const problem = issue('on', 'REGISTRATION_DATE_OUTSIDE_CAMPAIGN', {
      first: { date: '2026-03-10' },
      last: { date: '2026-05-08' },
    })
    expect(problem.message).toEqual({
      vi: 'Kỳ đóng phải bắt đầu trong thời gian chiến dịch, từ 10/03/2026 đến 08/05/2026.',
      en: 'The period must begin within the campaign, from 10/03/2026 to 08/05/2026.',
    })
    expect(describeIssue(problem, 'en')).toBe(problem.message.en)
  })
})
