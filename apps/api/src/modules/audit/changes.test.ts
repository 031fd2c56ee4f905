import { encodeGlobalID } from '@pothos/plugin-relay'
import { describe, expect, it } from 'vitest'
import { auditChanges } from './changes.ts'

describe('the changes an audit event lists', () => {
  it('lists what a creation sets, not the fields it leaves empty', () => {
    const created = { id: 'c1', name: 'Tết 2027', description: null, closedAt: null, countedStatuses: [] }
    expect(auditChanges('Campaign', null, created)).toEqual([
      { field: 'name', before: null, after: 'Tết 2027' },
    ])
  })

  it('lists what a removal clears, not the fields that were empty', () => {
    expect(auditChanges('Campaign', { id: 'c1', name: 'Tết 2027', description: '' }, null)).toEqual([
      { field: 'name', before: 'Tết 2027', after: null },
    ])
  })

  it('does not list a field that stays empty, whether a side leaves it out or writes null', () => {
    const before = { status: 'DRAFT', version: 1 }
    const after = { status: 'ACTIVE', closedAt: null, version: 2 }
    expect(auditChanges('Campaign', before, after)).toEqual([
      { field: 'status', before: 'DRAFT', after: 'ACTIVE' },
    ])
  })

  it('lists a field an update fills in or empties', () => {
    expect(
      auditChanges(
        'Enrollment',
        { phone: null, address: '12 Lê Lợi' },
        { phone: '0912 345 678', address: null },
      ),
    ).toEqual([
      { field: 'phone', before: null, after: '0912 345 678' },
      { field: 'address', before: '12 Lê Lợi', after: null },
    ])
  })

  it('lists the centers a campaign lost as references, to name each, and the role they had', () => {
    const before = { version: 3, role: 'PARTICIPANT', centerIds: ['c1', 'c2'] }
    expect(auditChanges('Campaign', before, { version: 4 })).toEqual([
      { field: 'role', before: 'PARTICIPANT', after: null },
      {
        field: 'centers',
        valueType: 'Center',
        before: [encodeGlobalID('Center', 'c1'), encodeGlobalID('Center', 'c2')],
        after: null,
        referenceList: { type: 'Center', before: ['c1', 'c2'], after: null },
      },
    ])
  })
})
