import { describe, expect, it } from 'vitest'
import { checkParticipantLists, participantLists } from './participant-lists.ts'

describe('the participant lists Social Insurance receives', () => {
  it('the file on record names a list of known fields for every product, with its source', () => {
    expect(checkParticipantLists(participantLists)).toEqual([])
    expect(participantLists.lists.VOLUNTARY_SOCIAL_INSURANCE.form).toBe('D05-TS')
    expect(participantLists.lists.HOUSEHOLD_HEALTH_INSURANCE.form).toBe('D03-TS')
    expect(participantLists.source).toContain('UNCONFIRMED')
  })

  it('names what an officer got wrong when correcting the file', () => {
    const edited = structuredClone(participantLists) as unknown as {
      lists: Record<string, { columns: { header: string; field: string }[]; form?: string }>
    }
    const vsi = edited.lists.VOLUNTARY_SOCIAL_INSURANCE
    if (!vsi) throw new Error('no VSI list')
    vsi.columns[1] = { header: 'Họ tên', field: 'name' }
    vsi.columns[2] = { header: ' ', field: 'citizenId' }
    delete edited.lists.HOUSEHOLD_HEALTH_INSURANCE
    expect(checkParticipantLists(edited)).toEqual([
      'lists.VOLUNTARY_SOCIAL_INSURANCE.columns.1.field: unknown field name',
      'lists.VOLUNTARY_SOCIAL_INSURANCE.columns.2.header: missing',
      'lists.HOUSEHOLD_HEALTH_INSURANCE: missing',
    ])
  })
})
