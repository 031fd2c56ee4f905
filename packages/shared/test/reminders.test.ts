import { describe, expect, it } from 'vitest'
import {
  checkReminderText,
  defaultReminderTemplates,
  describeIssue,
  renderReminder,
  worklists,
} from '../src/index.ts'

describe('reminder texts', () => {
  it('fill in the name, product, amount in đồng and the due date as Vietnamese readers write them', () => {
    const text = renderReminder('Kính gửi {name}: {product}, {amount}, hạn {dueDate}.', {
      name: 'Nguyễn Thị Lan',
      product: 'BHYT hộ gia đình',
      amount: 1_263_600,
      dueDate: '2026-01-31',
    })
    expect(text).toBe('Kính gửi Nguyễn Thị Lan: BHYT hộ gia đình, 1.263.600\u00a0₫, hạn 31/01/2026.')
  })

  it('leave the amount empty when there is none', () => {
    expect(renderReminder('({amount})', { name: '', product: '', amount: null, dueDate: '2026-01-01' })).toBe(
      '()',
    )
  })

  it('every default template is valid, one per list', () => {
    for (const list of worklists) expect(checkReminderText(defaultReminderTemplates[list]), list).toEqual([])
  })

  it('refuse an unknown placeholder by name, and an empty text', () => {
    const [unknown] = checkReminderText('Chào {ten}')
    expect(unknown?.code).toBe('REMINDER_PLACEHOLDER_UNKNOWN')
    expect(unknown && describeIssue(unknown, 'en')).toBe(
      '{ten} is not a placeholder; the placeholders are {name}, {product}, {amount}, {dueDate}.',
    )
    expect(checkReminderText('  ').map((problem) => problem.code)).toEqual(['REMINDER_TEXT_LENGTH'])
  })
})
