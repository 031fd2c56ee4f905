import { randomBytes } from 'node:crypto'
import { decodeGlobalID } from '@pothos/plugin-relay'
import { createCampaign, createCenter, createOutreachSession, personInput } from '@tangtoc/db/fixtures'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'
import { hashSecret } from '../auth/credentials.ts'
import {
  campaignInZoneAt,
  campaignSetting,
  gid,
  registerEnrollment,
  vsiInput,
  wasRefused,
} from './test-helpers.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())
afterEach(() => {
  vi.useRealTimers()
})

const enrollmentIdOf = (enrollment: { id: string }) => decodeGlobalID(enrollment.id).id

describe('registering an enrollment', () => {
  it('an agent registers voluntary social insurance: amounts, period, history, daily count and audit in one go', async () => {
    const setting = await campaignSetting(api)
    const result = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting) },
      setting.agent.credentials,
    )
    const payload = result.data?.registerEnrollment
    expect(payload.__typename).toBe('RegisterEnrollmentPayload')
    expect(payload.personReused).toBe(false)
    expect(payload.enrollment).toMatchObject({
      status: 'SUBMITTED',
      gross: 330_000,
      support: 66_000,
      payable: 264_000,
      months: 1,
      quoteDate: '2025-11-04',
      periodStart: '2025-11-04',
      periodEnd: '2025-12-03',
      version: 1,
      availableActions: ['CONFIRM_PAYMENT'],
      statusChanges: { totalCount: 1, edges: [{ node: { fromStatus: null, toStatus: 'SUBMITTED' } }] },
    })
    expect(payload.enrollment.person.phone).toBe('+84912345678')

    const stored = await api.prisma.enrollment.findFirstOrThrow({
      where: { campaignId: setting.campaign.id },
    })
    expect(stored.live).toBe(true)
    const person = await api.prisma.person.findUniqueOrThrow({ where: { id: stored.personId } })
    expect(person.address).toBe('12 Lê Lợi')
    expect(person.searchKey).toContain('nguyen thi lan')
    const counts = await api.prisma.enrollmentDailyCount.findMany({
      where: { campaignId: setting.campaign.id },
    })
    expect(counts).toEqual([
      expect.objectContaining({
        centerId: setting.center.id,
        status: 'SUBMITTED',
        count: 1,
        day: stored.registeredOn,
      }),
    ])
    const audit = await api.prisma.auditEvent.findMany({ where: { entityId: stored.id } })
    expect(audit.map((event) => event.action)).toEqual(['enrollment.register'])
    // What the audit log shows as the enrollment registered: its row as stored.
    expect(audit[0]?.after).toMatchObject({
      id: stored.id,
      personId: stored.personId,
      payable: stored.payable,
      status: 'SUBMITTED',
      periodStart: stored.periodStart.toISOString(),
    })
  })

  it('a household of five in one registration: five enrollments ranked in order, each carrying its own share', async () => {
    const setting = await campaignSetting(api)
    const people = [1970, 1972, 1995, 1998, 2001].map((year, index) =>
      personInput({
        fullName: `Trần Văn ${index + 1}`,
        dateOfBirth: `${year}-01-0${index + 1}`,
        sex: 'MALE',
      }),
    )
    const householdMembers = people.map((person, index) => ({
      person,
      isHead: index === 0,
      relationToHead: index === 0 ? null : 'con',
    }))
    const result = await api.graphql(
      registerEnrollment,
      {
        input: {
          ...vsiInput(setting),
          product: 'HOUSEHOLD_HEALTH_INSURANCE',
          person: people[2],
          householdMembers,
          monthlyIncome: null,
          supportGroups: [],
          months: 12,
        },
      },
      setting.agent.credentials,
    )
    const payload = result.data?.registerEnrollment
    expect(payload.__typename, JSON.stringify(payload)).toBe('RegisterEnrollmentPayload')
    expect(payload.enrollments.map((each: { householdPosition: number }) => each.householdPosition)).toEqual([
      1, 2, 3, 4, 5,
    ])
    const totals = payload.enrollments.map((each: { gross: number }) => each.gross)
    expect(totals).toEqual([1_263_600, 884_520, 758_160, 631_800, 505_440])
    expect(payload.registration.payable).toBe(4_043_520)
    expect(payload.enrollment.person.fullName).toBe('Trần Văn 3')
    // One household, shared by every member's enrollment.
    const households = await api.prisma.enrollment.findMany({
      where: { campaignId: setting.campaign.id },
      select: { householdId: true },
      distinct: ['householdId'],
    })
    expect(households).toHaveLength(1)
    // Each member's enrollment is audited with its own row: its rank and amounts, not another's.
    const audits = await api.prisma.auditEvent.findMany({
      where: { action: 'enrollment.register', entityId: { in: payload.enrollments.map(enrollmentIdOf) } },
    })
    expect(
      payload.enrollments.map((each: { id: string }) => {
        const after = audits.find((event) => event.entityId === enrollmentIdOf(each))?.after
        return after && typeof after === 'object' && 'gross' in after ? after.gross : null
      }),
    ).toEqual(totals)
  })

  it('a member insured elsewhere is skipped when ranking the rest', async () => {
    const setting = await campaignSetting(api)
    const head = personInput({ fullName: 'Lê Văn Chủ', sex: 'MALE', dateOfBirth: '1970-02-02' })
    const elsewhere = personInput({ fullName: 'Lê Thị Công Nhân', dateOfBirth: '1990-03-03' })
    const child = personInput({ fullName: 'Lê Văn Con', sex: 'MALE', dateOfBirth: '2010-04-04' })
    const result = await api.graphql(
      registerEnrollment,
      {
        input: {
          ...vsiInput(setting),
          product: 'HOUSEHOLD_HEALTH_INSURANCE',
          person: child,
          householdMembers: [
            { person: head, isHead: true },
            { person: elsewhere, insuredElsewhere: true },
            { person: child },
          ],
          monthlyIncome: null,
          supportGroups: [],
          months: 12,
        },
      },
      setting.agent.credentials,
    )
    expect(result.data?.registerEnrollment.enrollment).toMatchObject({ householdPosition: 2, gross: 884_520 })
  })

  it('a citizen ID on file reuses the person and says so; different identity details are a validation error', async () => {
    const first = await campaignSetting(api)
    const second = await campaignSetting(api)
    const person = personInput({ fullName: 'Phạm Thị Hoa' })
    await api.graphql(registerEnrollment, { input: vsiInput(first, {}, person) }, first.agent.credentials)
    const again = await api.graphql(
      registerEnrollment,
      { input: vsiInput(second, {}, { ...person, fullName: 'Pham Thi Hoa', phone: '0987654321' }) },
      second.agent.credentials,
    )
    expect(again.data?.registerEnrollment.personReused).toBe(true)
    const stored = await api.prisma.person.findUniqueOrThrow({ where: { citizenId: person.citizenId } })
    expect(stored.fullName).toBe('Phạm Thị Hoa')
    expect(await api.prisma.person.count({ where: { citizenId: person.citizenId } })).toBe(1)

    const third = await campaignSetting(api)
    const clash = await api.graphql(
      registerEnrollment,
      { input: vsiInput(third, {}, { ...person, fullName: 'Võ Văn Khác' }) },
      third.agent.credentials,
    )
    expect(clash.data?.registerEnrollment.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'person', 'citizenId'], code: 'PERSON_IDENTITY_MISMATCH' }),
    ])
    expect(await api.prisma.enrollment.count({ where: { campaignId: third.campaign.id } })).toBe(0)
  })

  it('the shared identity rules and the ward list check the person', async () => {
    const setting = await campaignSetting(api)
    const person = personInput({ dateOfBirth: '1985-06-15', sex: 'FEMALE' })
    const result = await api.graphql(
      registerEnrollment,
      {
        input: vsiInput(
          setting,
          {},
          {
            ...person,
            sex: 'MALE',
          },
        ),
      },
      setting.agent.credentials,
    )
    const bad = await api.graphql(
      registerEnrollment,
      {
        input: {
          ...vsiInput(setting),
          person: { ...personInput(), fullName: '   ', phone: '0112345678', wardCode: '99999' },
          monthlyIncome: 1_000_000,
        },
      },
      setting.agent.credentials,
    )
    expect(result.data?.registerEnrollment.fieldErrors).toEqual([
      expect.objectContaining({
        path: ['input', 'person', 'citizenId'],
        code: 'CITIZEN_ID_CENTURY_SEX_MISMATCH',
      }),
    ])
    const codes = bad.data?.registerEnrollment.fieldErrors.map(
      (e: { path: string[]; code: string }) => `${e.path.join('.')} ${e.code}`,
    )
    expect(codes).toEqual(
      expect.arrayContaining([
        'input.person.fullName NAME_REQUIRED',
        'input.person.phone PHONE_PREFIX',
        'input.person.wardCode WARD_UNKNOWN',
      ]),
    )
    const quote = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, { monthlyIncome: 1_000_000 }) },
      setting.agent.credentials,
    )
    expect(quote.data?.registerEnrollment.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'monthlyIncome'], code: 'INCOME_BELOW_FLOOR' }),
    ])
    const long = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, {}, { ...personInput(), fullName: `Nguyễn ${'Văn '.repeat(30)}An` }) },
      setting.agent.credentials,
    )
    expect(long.data?.registerEnrollment.fieldErrors).toEqual([
      expect.objectContaining({
        path: ['input', 'person', 'fullName'],
        code: 'NAME_REQUIRED',
        message: expect.stringContaining('100'),
      }),
    ])
    expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(0)
    expect(await api.prisma.auditEvent.count({ where: { actorId: setting.agent.user.id } })).toBe(0)
  })

  it('a date of birth is checked against today in the campaign’s time zone, as the import’s preview is', async () => {
    const setting = await campaignSetting(api)
    // 05:00 UTC on 1 March: already 1 March in Hà Nội, still 28 February in Honolulu.
    await campaignInZoneAt(api, setting.campaign, {
      timeZone: 'Pacific/Honolulu',
      now: '2026-03-01T05:00:00Z',
    })
    const codesFor = async (dateOfBirth: string) => {
      const person = personInput({ fullName: 'Lê Văn Mai', sex: 'MALE', dateOfBirth })
      const result = await api.graphql(
        registerEnrollment,
        { input: vsiInput(setting, {}, person) },
        setting.agent.credentials,
      )
      return result.data?.registerEnrollment.fieldErrors.map((error: { code: string }) => error.code)
    }
    // Both are too young for voluntary social insurance; only the second is born after the campaign's today.
    expect(await codesFor('2026-02-28')).not.toContain('DATE_OF_BIRTH_FUTURE')
    expect(await codesFor('2026-03-01')).toContain('DATE_OF_BIRTH_FUTURE')
  })

  it('voluntary social insurance refuses a person under 15 on the registration day, as the form does', async () => {
    const setting = await campaignSetting(api)
    // 15 on 2025-11-05, the day after the registration's day (vsiInput: on 2025-11-04).
    const young = personInput({ dateOfBirth: '2010-11-05', sex: 'FEMALE' })
    const refused = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, {}, young) },
      setting.agent.credentials,
    )
    expect(refused.data?.registerEnrollment.fieldErrors).toEqual([
      expect.objectContaining({
        path: ['input', 'person', 'dateOfBirth'],
        code: 'VOLUNTARY_SOCIAL_INSURANCE_TOO_YOUNG',
        message: expect.stringContaining('is not yet 15 on 04/11/2025:'),
      }),
    ])
    expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(0)
    const fifteen = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, { on: '2025-11-05' }, young) },
      setting.agent.credentials,
    )
    expect(fifteen.data?.registerEnrollment.fieldErrors).toBeUndefined()
    expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(1)
  })

  it('the center must take part in the campaign, and the session must belong to it', async () => {
    const setting = await campaignSetting(api)
    const outsider = await createCenter(api.prisma)
    const admin = setting.admin.credentials
    const notParticipant = await api.graphql(
      registerEnrollment,
      { input: vsiInput({ campaign: setting.campaign, center: outsider }) },
      admin,
    )
    expect(notParticipant.data?.registerEnrollment.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'center'], code: 'CENTER_NOT_IN_CAMPAIGN' }),
    ])
    const otherCampaign = await createCampaign(api.prisma, { centers: [setting.center] })
    const session = await createOutreachSession(api.prisma, {
      campaign: otherCampaign,
      center: setting.center,
    })
    const wrongSession = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, { session: gid('OutreachSession', session.id) }) },
      admin,
    )
    expect(wrongSession.data?.registerEnrollment.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'session'], code: 'SESSION_NOT_IN_CAMPAIGN' }),
    ])
    const unknownCampaign = await api.graphql(
      registerEnrollment,
      {
        input: vsiInput({ campaign: { id: '00000000-0000-7000-8000-000000000000' }, center: setting.center }),
      },
      admin,
    )
    expect(unknownCampaign.data?.registerEnrollment.__typename).toBe('NotFoundError')
  })

  it('what an earlier registration read is checked again by the write: changes made behind the API are seen', async () => {
    const setting = await campaignSetting(api)
    const agent = setting.agent.credentials
    const first = await api.graphql(registerEnrollment, { input: vsiInput(setting) }, agent)
    expect(first.data?.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')
    // The instance now keeps campaign and center as read; they change without a mutation telling it.
    const otherCampaign = await createCampaign(api.prisma, { centers: [setting.center] })
    const session = await createOutreachSession(api.prisma, {
      campaign: otherCampaign,
      center: setting.center,
    })
    const wrongSession = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, { session: gid('OutreachSession', session.id) }) },
      agent,
    )
    expect(wrongSession.data?.registerEnrollment.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'session'], code: 'SESSION_NOT_IN_CAMPAIGN' }),
    ])
    const unknownWard = vsiInput(setting)
    const badWard = await api.graphql(
      registerEnrollment,
      { input: { ...unknownWard, person: { ...unknownWard.person, wardCode: '99999' } } },
      agent,
    )
    expect(badWard.data?.registerEnrollment.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'person', 'wardCode'], code: 'WARD_UNKNOWN' }),
    ])
    const onFile = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, { product: 'VOLUNTARY_SOCIAL_INSURANCE' }) },
      agent,
    )
    expect(onFile.data?.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')
    await api.prisma.campaign.update({ where: { id: setting.campaign.id }, data: { status: 'CLOSED' } })
    const closed = await api.graphql(registerEnrollment, { input: vsiInput(setting) }, agent)
    expect(closed.data?.registerEnrollment.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'campaign'], code: 'CAMPAIGN_NOT_ACTIVE' }),
    ])
    const enrollments = await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })
    expect(enrollments).toBe(2)
  })

  it('a second live enrollment of the same person is a ConflictError naming the first', async () => {
    const setting = await campaignSetting(api)
    const person = personInput()
    const first = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, {}, person) },
      setting.agent.credentials,
    )
    const second = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, {}, person) },
      setting.manager.credentials,
    )
    expect(second.data?.registerEnrollment).toMatchObject({
      __typename: 'ConflictError',
      existingId: first.data?.registerEnrollment.enrollment.id,
    })
  })

  it('two agents registering the same new person at the same moment: exactly one succeeds, the other names it', async () => {
    const setting = await campaignSetting(api)
    const secondAgent = await api.userWithRole('AGENT', setting.center)
    const person = personInput()
    const results = await Promise.all(
      [setting.agent, secondAgent, setting.manager, setting.admin].map((user) =>
        api.graphql(registerEnrollment, { input: vsiInput(setting, {}, person) }, user.credentials),
      ),
    )
    const payloads = results.map((result) => result.data?.registerEnrollment)
    const winners = payloads.filter((payload) => payload?.__typename === 'RegisterEnrollmentPayload')
    const losers = payloads.filter((payload) => payload?.__typename === 'ConflictError')
    expect(winners, JSON.stringify(results)).toHaveLength(1)
    expect(losers).toHaveLength(3)
    for (const loser of losers) expect(loser.existingId).toBe(winners[0].enrollment.id)
    expect(await api.prisma.person.count({ where: { citizenId: person.citizenId } })).toBe(1)
    const counts = await api.prisma.enrollmentDailyCount.findMany({
      where: { campaignId: setting.campaign.id },
    })
    expect(counts.map((row) => row.count)).toEqual([1])
  })

  it('two registrations changing the same person’s phone at once both go in, one after the other: the person’s version counts both', async () => {
    const setting = await campaignSetting(api)
    const person = personInput()
    const first = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, {}, person) },
      setting.agent.credentials,
    )
    expect(first.data?.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')
    const phones = ['0913 000 001', '0913 000 002']
    const results = await Promise.all(
      phones.map(async (phone) => {
        const campaign = await createCampaign(api.prisma, {
          centers: [setting.center],
          organizers: [setting.parent],
        })
        const input = vsiInput({ campaign, center: setting.center }, {}, person)
        return api.graphql(
          registerEnrollment,
          { input: { ...input, person: { ...input.person, phone } } },
          setting.agent.credentials,
        )
      }),
    )
    const types = results.map(
      (result) => result.data?.registerEnrollment.__typename ?? JSON.stringify(result),
    )
    expect(types).toEqual(['RegisterEnrollmentPayload', 'RegisterEnrollmentPayload'])
    const stored = await api.prisma.person.findUniqueOrThrow({ where: { citizenId: person.citizenId } })
    expect(stored.version).toBe(3)
    expect(phones.map((phone) => `+84${phone.replaceAll(' ', '').slice(1)}`)).toContain(stored.phone)
  })
})

describe('who may register', () => {
  it.each([
    ['ADMIN', 'admin', 'RegisterEnrollmentPayload'],
    ['CENTER_MANAGER of the parent center', 'manager', 'RegisterEnrollmentPayload'],
    ['AGENT of the center', 'agent', 'RegisterEnrollmentPayload'],
    ['AGENT of another center', 'otherAgent', 'ForbiddenError'],
  ] as const)('%s → %s', async (_label, who, expected) => {
    const setting = await campaignSetting(api)
    const result = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting) },
      setting[who].credentials,
    )
    expect(result.data?.registerEnrollment.__typename).toBe(expected)
  })

  it('a viewer, a read-only token and an anonymous request cannot register, and nothing is written', async () => {
    const setting = await campaignSetting(api)
    const token = `tt_${randomBytes(16).toString('hex')}`
    await api.prisma.apiToken.create({
      data: {
        name: 't',
        prefix: 'tt',
        tokenHash: hashSecret(token),
        expiresAt: new Date(Date.now() + 3_600_000),
        scope: 'READ',
        userId: setting.admin.user.id,
      },
    })
    for (const credentials of [setting.viewer.credentials, { token }, null]) {
      const result = await api.graphql(registerEnrollment, { input: vsiInput(setting) }, credentials)
      expect(wasRefused(result, 'registerEnrollment'), JSON.stringify(result)).toBe(true)
    }
    expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(0)
  })
})
