import { describe, expect, it } from 'vitest'
import { describeIssue, enumLabels, enumValues, issue, labelOf, messages } from '../src/index.ts'

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
})
