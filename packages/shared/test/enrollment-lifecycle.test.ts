import { describe, expect, it } from 'vitest'
import { transitions } from '../src/enrollment/lifecycle.ts'
import {
  availableActions,
  defaultCountedStatuses,
  describeIssue,
  enrollmentStatuses,
  isLive,
  planTransition,
} from '../src/index.ts'

describe('enrollment lifecycle', () => {
  it('goes draft → submitted → paid → active', () => {
    expect(planTransition('DRAFT', 'SUBMIT', { role: 'AGENT' })).toMatchObject({ ok: true, to: 'SUBMITTED' })
    expect(planTransition('SUBMITTED', 'CONFIRM_PAYMENT', { role: 'CENTER_MANAGER' })).toMatchObject({
      ok: true,
      to: 'PAID',
    })
    expect(planTransition('PAID', 'ACTIVATE', { role: 'CENTER_MANAGER' })).toMatchObject({
      ok: true,
      to: 'ACTIVE',
    })
  })

  it('lets an agent submit and cancel drafts, and record the payment (post-office agents collect the money), but not reject or cancel once submitted', () => {
    expect(availableActions('DRAFT', 'AGENT')).toEqual(['SUBMIT', 'CANCEL'])
    expect(availableActions('SUBMITTED', 'AGENT')).toEqual(['CONFIRM_PAYMENT'])
    expect(planTransition('SUBMITTED', 'CONFIRM_PAYMENT', { role: 'AGENT' })).toMatchObject({
      ok: true,
      to: 'PAID',
    })
    const result = planTransition('SUBMITTED', 'REJECT', { role: 'AGENT', reason: 'Sai số định danh' })
    expect(result.ok ? '' : result.issues[0]?.code).toBe('TRANSITION_ROLE_FORBIDDEN')
    expect(availableActions('PAID', 'AGENT')).toEqual([])
  })

  it('lets a viewer change nothing', () => {
    for (const status of enrollmentStatuses) expect(availableActions(status, 'VIEWER')).toEqual([])
  })

  it('lets an admin make every transition', () => {
    expect(transitions.every((transition) => transition.roles.includes('ADMIN'))).toBe(true)
  })

  it('needs a reason to reject or cancel', () => {
    const result = planTransition('SUBMITTED', 'REJECT', { role: 'ADMIN', reason: '   ' })
    expect(result.ok ? null : result.issues[0]).toMatchObject({
      path: 'reason',
      code: 'TRANSITION_REASON_REQUIRED',
    })
    expect(planTransition('PAID', 'REJECT', { role: 'ADMIN', reason: 'Sai số định danh' })).toMatchObject({
      ok: true,
      to: 'REJECTED',
    })
    expect(planTransition('DRAFT', 'CANCEL', { role: 'AGENT', reason: 'Người dân đổi ý' })).toMatchObject({
      ok: true,
      to: 'CANCELLED',
    })
  })

  it('cannot reject a draft, activate before payment or touch a finished enrollment', () => {
    for (const [from, action] of [
      ['DRAFT', 'REJECT'],
      ['SUBMITTED', 'ACTIVATE'],
      ['ACTIVE', 'CANCEL'],
      ['REJECTED', 'SUBMIT'],
      ['CANCELLED', 'SUBMIT'],
    ] as const) {
      const result = planTransition(from, action, { role: 'ADMIN', reason: 'x' })
      expect(result.ok ? '' : result.issues[0]?.code).toBe('TRANSITION_NOT_ALLOWED')
    }
  })

  it('explains a refusal with the action and status labels', () => {
    const result = planTransition('ACTIVE', 'CANCEL', { role: 'ADMIN', reason: 'x' })
    const problem = result.ok ? undefined : result.issues[0]
    expect(problem?.message.vi).toBe('Không thể "Hủy" hồ sơ đang ở trạng thái "Đã có hiệu lực".')
    expect(problem && describeIssue(problem, 'en')).toBe('Cannot "Cancel" an enrollment that is "Active".')
  })

  it('counts paid and active enrollments, and treats rejected and cancelled as no longer live', () => {
    expect(defaultCountedStatuses).toEqual(['PAID', 'ACTIVE'])
    expect(enrollmentStatuses.filter(isLive)).toEqual(['DRAFT', 'SUBMITTED', 'PAID', 'ACTIVE'])
  })
})
