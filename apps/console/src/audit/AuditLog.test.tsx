import { auditActions } from '@tangtoc/shared'
import { screen, within } from '@testing-library/react'
import {
  buildSchema,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
} from 'graphql'
import { describe, expect, it } from 'vitest'
import apiSchema from '../../../api/schema.graphql?raw'
import { en } from '../i18n/en.ts'
import { vi } from '../i18n/vi.ts'
import { renderConsoleAt } from '../testing/render.tsx'

/** A change's type and, for a reference, its names. */
function typed(valueType: string | null, beforeName: string | null = null, afterName: string | null = null) {
  return { valueType, beforeName, afterName, beforeNames: null, afterNames: null }
}

/** A change of a list of references, with the names of each side's records. */
function listOf(
  valueType: string,
  beforeNames: (string | null)[] | null,
  afterNames: (string | null)[] | null,
) {
  return { valueType, beforeName: null, afterName: null, beforeNames, afterNames }
}

const event = {
  id: 'a1',
  at: '2025-11-05T02:30:00Z',
  action: 'user.update',
  entityType: 'User',
  entityId: 'u3',
  entityGlobalId: 'VXNlcjp1Mw==',
  subject: 'Trần Văn Minh',
  states: 'BEFORE_AND_AFTER',
  changes: [
    { ...typed('Role'), field: 'role', before: 'AGENT', after: 'CENTER_MANAGER' },
    { ...typed('String'), field: 'displayName', before: 'Minh', after: 'Trần Văn Minh' },
  ],
  actor: { id: 'u1', username: 'admin', displayName: 'Quản trị viên' },
}

const payment = {
  ...event,
  id: 'a2',
  action: 'enrollment.confirm_payment',
  entityType: 'Enrollment',
  entityId: 'e1',
  entityGlobalId: 'RW5yb2xsbWVudDplMQ==',
  subject: 'Nguyễn Thị Lan',
  changes: [{ ...typed('EnrollmentStatus'), field: 'status', before: 'SUBMITTED', after: 'PAID' }],
  actor: { id: 'u2', username: 'minh', displayName: 'Trần Văn Minh' },
}

const failedSignIn = {
  ...event,
  id: 'a3',
  action: 'auth.logInFailed',
  subject: 'Trần Văn Minh',
  states: 'AFTER',
  changes: [{ ...typed(null), field: 'reason', before: null, after: 'WRONG_PASSWORD' }],
  actor: null,
}

function answers(...nodes: object[]) {
  return {
    AuditEvents: {
      data: {
        auditEvents: {
          totalCount: nodes.length,
          edges: nodes.map((node) => ({ node })),
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      },
    },
    AuditActors: { data: { users: { edges: [] } } },
  }
}

describe('the audit log', () => {
  it('says who did what to whom in a sentence, with only the fields that changed', async () => {
    renderConsoleAt('/audit', { answers: answers(event, payment, failedSignIn) })

    const rows = await screen.findAllByRole('row')
    const update = rows.find((row) => row.textContent?.includes('Quản trị viên cập nhật người dùng'))
    expect(update).toHaveTextContent('Quản trị viên cập nhật người dùng Trần Văn Minh')
    expect(within(update as HTMLElement).getByRole('link', { name: 'Trần Văn Minh' })).toHaveAttribute(
      'href',
      '/records/VXNlcjp1Mw%3D%3D',
    )
    expect(within(update as HTMLElement).getByText('Nhân viên thu')).toBeInTheDocument()
    expect(within(update as HTMLElement).getByText('Quản lý đơn vị')).toBeInTheDocument()
    expect(update).toHaveTextContent('Vai trò:')
    expect(update).toHaveTextContent('Họ tên:')
    expect(update).toHaveTextContent('05/11/2025 09:30')

    expect(screen.getByText(/Trần Văn Minh xác nhận đóng tiền hồ sơ của/)).toHaveTextContent(
      'Trần Văn Minh xác nhận đóng tiền hồ sơ của Nguyễn Thị Lan',
    )
    expect(screen.getByText(/đăng nhập không thành công/)).toHaveTextContent(
      'Một người chưa đăng nhập đăng nhập không thành công vào Trần Văn Minh',
    )
  })

  it.each([
    ['vi', /Phương thức đóng:\s*12 tháng/, /Trạng thái:\s*Đã nộp hồ sơ/],
    ['en', /Payment period:\s*12 months/, /Status:\s*Submitted/],
  ] as const)(
    'names a registration’s fields as the enrollment page does, in %s',
    async (locale, months, status) => {
      const registration = {
        ...payment,
        action: 'enrollment.register',
        states: 'AFTER',
        changes: [
          { ...typed('EnrollmentStatus'), field: 'status', before: null, after: 'SUBMITTED' },
          { ...typed('Int'), field: 'months', before: null, after: 12 },
        ],
      }
      renderConsoleAt('/audit', { locale, answers: answers(registration) })

      const row = (await screen.findAllByRole('row')).find((each) =>
        each.textContent?.includes('Nguyễn Thị Lan'),
      )
      expect(row).toHaveTextContent(months)
      expect(row).toHaveTextContent(status)
    },
  )

  it.each([
    ['vi', 'trống', '20/11/2025', '1.000.000 ₫ → 1.500.000 ₫'],
    ['en', 'empty', '20/11/2025', '₫1,000,000 → ₫1,500,000'],
  ] as const)(
    'reads each value as a person does in %s: a filled-in field as a change, references by name, dates and amounts',
    async (locale, empty, date, amount) => {
      const sessionId = 'T3V0cmVhY2hTZXNzaW9uOnMx'
      const change = {
        ...payment,
        action: 'enrollment.update',
        states: 'BEFORE_AND_AFTER',
        changes: [
          {
            ...typed('OutreachSession', null, 'Tư vấn tại chợ Bến Thành'),
            field: 'session',
            before: null,
            after: sessionId,
          },
          { ...typed('Date'), field: 'periodEnd', before: null, after: '2025-11-20' },
          { ...typed('Int'), field: 'monthlyIncome', before: 1_000_000, after: 1_500_000 },
          { ...typed('AudienceGroup'), field: 'audiences', before: [], after: ['FREELANCER'] },
          {
            ...typed('SupportGroup'),
            field: 'supportGroups',
            before: ['OTHER'],
            after: ['POOR', 'ETHNIC_MINORITY'],
          },
        ],
      }
      renderConsoleAt('/audit', { locale, answers: answers(change) })

      const row = (await screen.findAllByRole('row')).find((each) =>
        each.textContent?.includes('Nguyễn Thị Lan'),
      ) as HTMLElement
      const session = within(row).getByRole('link', { name: 'Tư vấn tại chợ Bến Thành' })
      expect(session).toHaveAttribute('href', `/records/${encodeURIComponent(sessionId)}`)
      // Filled in, not created: the empty value before is shown and struck through.
      expect(row).toHaveTextContent(`${empty} → Tư vấn tại chợ Bến Thành`)
      expect(row).toHaveTextContent(`${empty} → ${date}`)
      expect(row).toHaveTextContent(amount)
      // An empty list is empty too.
      expect(row).toHaveTextContent(`${empty} → ${locale === 'vi' ? 'Lao động tự do' : 'Freelancer'}`)
      expect(row).toHaveTextContent(
        locale === 'vi'
          ? 'Đối tượng khác → Hộ nghèo, Người dân tộc thiểu số'
          : 'Others → Poor household, Ethnic minority',
      )
    },
  )

  it.each([
    ['vi', vi],
    ['en', en],
  ] as const)('has a sentence in %s for every action the API records', (_locale, messages) => {
    const sentences: Record<string, Record<string, string> | string> = messages.audit.sentences
    const missing = auditActions.filter((action) => {
      const [domain = '', verb = ''] = action.split('.')
      const group = sentences[domain]
      return typeof group !== 'object' || typeof group[verb] !== 'string'
    })
    expect(missing).toEqual([])
  })

  const campaign = {
    ...event,
    id: 'a4',
    action: 'campaign.create',
    entityType: 'Campaign',
    entityId: 'c1',
    entityGlobalId: 'Q2FtcGFpZ246YzE=',
    subject: 'Tăng tốc 2027',
    states: 'AFTER',
  }
  const [hanoi, dongDa, baDinh] = ['Q2VudGVyOmgx', 'Q2VudGVyOmQx', 'Q2VudGVyOmIx']

  it.each([
    ['vi', 'Đơn vị tổ chức', 'Đơn vị tham gia'],
    ['en', 'Organizing centers', 'Participating centers'],
  ] as const)(
    'names the centers of a campaign, each a link to it, in %s',
    async (locale, organizers, participants) => {
      const created = {
        ...campaign,
        changes: [
          {
            ...listOf('Center', null, ['Bưu điện Hà Nội']),
            field: 'organizers',
            before: null,
            after: [hanoi],
          },
          {
            ...listOf('Center', null, ['Bưu điện Đống Đa', 'Bưu điện Ba Đình']),
            field: 'participants',
            before: null,
            after: [dongDa, baDinh],
          },
        ],
      }
      renderConsoleAt('/audit', { locale, answers: answers(created) })

      const row = (await screen.findAllByRole('row')).find((each) =>
        each.textContent?.includes('Tăng tốc 2027'),
      ) as HTMLElement
      expect(row).toHaveTextContent(new RegExp(`${organizers}:\\s*Bưu điện Hà Nội`))
      expect(row).toHaveTextContent(new RegExp(`${participants}:\\s*Bưu điện Đống Đa, Bưu điện Ba Đình`))
      expect(within(row).getByRole('link', { name: 'Bưu điện Ba Đình' })).toHaveAttribute(
        'href',
        `/records/${encodeURIComponent(baDinh)}`,
      )
      expect(row).not.toHaveTextContent(dongDa)
    },
  )

  it.each([
    [
      'vi',
      'BHXH tự nguyện · Toàn chiến dịch: 1.000 → 1.200',
      'BHXH tự nguyện · Bưu điện Ba Đình · Ngày ra quân 15/03/2027: trống → 100',
      'Tất cả sản phẩm · Bưu điện Đống Đa: 2.500 → trống',
    ],
    [
      'en',
      'Voluntary social insurance · Whole campaign: 1,000 → 1,200',
      'Voluntary social insurance · Bưu điện Ba Đình · Ngày ra quân 15/03/2027: empty → 100',
      'All products · Bưu điện Đống Đa: 2,500 → empty',
    ],
  ] as const)(
    'reads a new target grid row by row in %s: what changed, what was set, what was cleared',
    async (locale, changed, set, cleared) => {
      const wide = { product: 'VOLUNTARY_SOCIAL_INSURANCE', center: null, dueDate: null, label: null }
      const atDongDa = { ...wide, center: dongDa }
      const allAtDongDa = { ...atDongDa, product: null, count: 2500 }
      const milestone = { ...wide, center: baDinh, dueDate: '2027-03-15', label: 'Ngày ra quân', count: 100 }
      const targets = {
        ...campaign,
        action: 'campaign.setTargets',
        states: 'BEFORE_AND_AFTER',
        changes: [
          {
            ...listOf(
              'Target',
              [null, 'Bưu điện Đống Đa', 'Bưu điện Đống Đa'],
              [null, 'Bưu điện Đống Đa', 'Bưu điện Ba Đình'],
            ),
            field: 'targets',
            before: [{ ...wide, count: 1000 }, { ...atDongDa, count: 600 }, allAtDongDa],
            after: [{ ...wide, count: 1200 }, { ...atDongDa, count: 600 }, milestone],
          },
        ],
      }
      renderConsoleAt('/audit', { locale, answers: answers(targets) })

      const row = (await screen.findAllByRole('row')).find((each) =>
        each.textContent?.includes('Tăng tốc 2027'),
      ) as HTMLElement
      const lines = within(row)
        .getAllByRole('listitem')
        .map((line) => line.textContent)
      expect(lines).toEqual([changed, set, cleared])
      expect(within(row).getByRole('link', { name: 'Bưu điện Ba Đình' })).toHaveAttribute(
        'href',
        `/records/${encodeURIComponent(baDinh)}`,
      )
    },
  )

  it.each([
    ['vi', /Xem qua:\s*hồ sơ đăng ký/],
    ['en', /Viewed via:\s*enrollment/],
  ] as const)('says through what a person’s citizen ID was read, in %s', async (locale, via) => {
    const view = {
      ...payment,
      action: 'person.view',
      entityType: 'Person',
      states: 'AFTER',
      changes: [{ ...typed(null), field: 'via', before: null, after: 'enrollment' }],
    }
    renderConsoleAt('/audit', { locale, answers: answers(view) })

    const row = (await screen.findAllByRole('row')).find((each) =>
      each.textContent?.includes('Nguyễn Thị Lan'),
    ) as HTMLElement
    expect(row).toHaveTextContent(via)
  })

  it.each([
    ['vi', vi],
    ['en', en],
  ] as const)(
    'names in %s every root field a person’s citizen ID can be read through',
    (_locale, messages) => {
      const labels: Record<string, string> = messages.audit.rootFields
      expect(rootFieldsReachingPerson().filter((field) => typeof labels[field] !== 'string')).toEqual([])
    },
  )

  it('says when no change matches the filters', async () => {
    renderConsoleAt('/audit', { answers: answers() })

    expect(await screen.findByText('Không có thay đổi nào khớp bộ lọc.')).toBeInTheDocument()
  })
})

/**
 * The root fields a read of a person's unmasked citizen ID can go through, which `person.view` records
 * (the API's person-views.ts): those whose type reaches a Person by fields that are no lists (a list's
 * rows are not recorded), and `nodes(ids:)`, whose records are read one by one.
 */
function rootFieldsReachingPerson(): string[] {
  const schema = buildSchema(apiSchema)
  const reaching = new Set(['Person'])
  const reaches = (type: GraphQLNamedType) =>
    (isAbstractType(type) ? schema.getPossibleTypes(type) : [type]).some(({ name }) => reaching.has(name))
  const throughOne = (type: GraphQLObjectType) =>
    Object.values(type.getFields()).some(
      (field) => !isListType(getNullableType(field.type)) && reaches(getNamedType(field.type)),
    )
  for (let grown = true; grown; ) {
    const found = Object.values(schema.getTypeMap()).filter(
      (type): type is GraphQLObjectType => isObjectType(type) && !reaching.has(type.name) && throughOne(type),
    )
    for (const type of found) reaching.add(type.name)
    grown = found.length > 0
  }
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
  return roots.flatMap((root) =>
    Object.values(root?.getFields() ?? {})
      .filter(
        (field) =>
          (field.name === 'nodes' || !isListType(getNullableType(field.type))) &&
          reaches(getNamedType(field.type)),
      )
      .map((field) => field.name),
  )
}
