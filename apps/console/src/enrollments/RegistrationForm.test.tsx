import { addDays, buildCitizenId, localDateInZone } from '@tangtoc/shared'
import { fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { campaignChoiceAnswers, provinceCampaigns } from '../testing/campaignChoices.ts'
import { choose } from '../testing/choose.ts'
import { recording } from '../testing/recording.ts'
import { renderConsoleAt, type TestViewer, testAdmin } from '../testing/render.tsx'
import {
  campaignsWithSaigon,
  honoluluStillThe10th,
  inHonolulu,
  saigonAgent,
  saigonCampaign,
} from '../testing/saigon.ts'

const noSessions = { data: { outreachSessions: { edges: [] } } }

const householdQuote = {
  data: {
    quoteContribution: {
      __typename: 'ContributionQuote',
      months: 12,
      gross: 3_548_880,
      support: 0,
      payable: 3_548_880,
      confirmed: true,
      perMonth: { gross: 295_740, support: 0, payable: 295_740 },
      lines: [
        {
          __typename: 'MemberLine',
          monthlyAmount: 126_360,
          months: 12,
          total: 1_516_320,
          position: 1,
          shareBasisPoints: 10_000,
        },
        {
          __typename: 'MemberLine',
          monthlyAmount: 88_452,
          months: 12,
          total: 1_061_424,
          position: 2,
          shareBasisPoints: 7_000,
        },
        {
          __typename: 'MemberLine',
          monthlyAmount: 75_816,
          months: 12,
          total: 909_792,
          position: 3,
          shareBasisPoints: 6_000,
        },
      ],
    },
  },
}

type Mutation = (variables: Record<string, unknown>) => { data: unknown }

function renderForm({
  register,
  quote,
  campaigns = campaignsWithSaigon,
  sessions = noSessions.data.outreachSessions,
  locale,
  viewer = saigonAgent,
}: {
  locale?: 'vi' | 'en'
  register?: Mutation
  quote?: Mutation
  campaigns?: Parameters<typeof campaignChoiceAnswers>[0]
  sessions?: { edges: { node: { id: string; title: string; status: string; startsAt: string } }[] }
  viewer?: TestViewer
} = {}) {
  const quoted: Record<string, unknown>[] = []
  renderConsoleAt('/enrollments/new', {
    ...(locale ? { locale } : {}),
    viewer,
    answers: {
      ...campaignChoiceAnswers(campaigns),
      RegistrationSessions: { data: { outreachSessions: sessions } },
      QuoteContribution: recording(quoted, (variables) => (quote ? quote(variables) : householdQuote)),
      ...(register ? { RegisterEnrollment: register } : {}),
    },
  })
  return quoted
}

/**
 * Fills in a person as an agent copying from a list does: the name and the citizen ID pasted (typing
 * them a key at a time re-renders the whole household form per key, tens of seconds under CI's load;
 * the tests of checks made as one types type).
 */
async function fillPerson(
  scope: HTMLElement,
  person: { name: string; citizenId: string; born: string; sex: 'Nam' | 'Nữ' },
) {
  await pasteInto(within(scope).getByRole('textbox', { name: /Họ và tên/ }), person.name)
  fireEvent.change(within(scope).getByLabelText(/Ngày sinh/), { target: { value: person.born } })
  await userEvent.click(within(scope).getByRole('radio', { name: person.sex }))
  await pasteInto(within(scope).getByRole('textbox', { name: /Số định danh cá nhân/ }), person.citizenId)
}

async function pasteInto(field: HTMLElement, text: string) {
  await userEvent.click(field)
  await userEvent.paste(text)
}

const participant = () => screen.getByRole('region', { name: 'Người tham gia' })

const mai = { name: 'Trần Thị Mai', citizenId: '079190000123', born: '1990-05-12', sex: 'Nữ' } as const
const hung = { name: 'Lê Văn Hùng', citizenId: '079088000456', born: '1988-02-01', sex: 'Nam' } as const

/** The participant filled in and household health insurance chosen, with `extra` members added. */
async function startHousehold(extra: number) {
  await screen.findByText('Người tham gia', { selector: 'h3' })
  await fillPerson(participant(), mai)
  await userEvent.click(screen.getByRole('radio', { name: 'BHYT hộ gia đình' }))
  for (let added = 0; added < extra; added++) {
    await userEvent.click(screen.getByRole('button', { name: 'Thêm thành viên' }))
  }
}

/** Fills in one person with an income and saves the draft. */
async function saveMaiAsDraft() {
  await screen.findByText('Người tham gia', { selector: 'h3' })
  await fillPerson(participant(), mai)
  await userEvent.type(screen.getByRole('textbox', { name: /Mức thu nhập/ }), '2500000')
  await userEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }))
}

// Typing a household into jsdom takes seconds; give the longer journeys room under a loaded machine.
describe('the registration form', { timeout: 40_000 }, () => {
  it('checks the citizen ID against the date of birth and sex as the user types', async () => {
    renderForm()
    const section = await screen.findByRole('region', { name: 'Người tham gia' })

    fireEvent.change(within(section).getByLabelText(/Ngày sinh/), { target: { value: '1990-05-12' } })
    await userEvent.click(within(section).getByRole('radio', { name: 'Nữ' }))
    const citizenId = within(section).getByRole('textbox', { name: /Số định danh cá nhân/ })
    await userEvent.type(citizenId, '079090000123')

    expect(citizenId).toHaveAccessibleDescription(
      /Chữ số thứ 4 \(0\) không khớp với thế kỷ sinh và giới tính \(cần 1\)/,
    )
    expect(citizenId).toHaveAttribute('aria-invalid', 'true')

    // Changing the sex the number says checks it again.
    await userEvent.click(within(section).getByRole('radio', { name: 'Nam' }))
    await expect.poll(() => citizenId.getAttribute('aria-invalid')).not.toBe('true')
  })

  it('says a phone number is not a Vietnamese mobile number while it is typed', async () => {
    renderForm()
    await screen.findByText('Người tham gia', { selector: 'h3' })

    const phone = screen.getByRole('textbox', { name: 'Số điện thoại' })
    await userEvent.type(phone, '0123 456 789')

    expect(phone).toHaveAccessibleDescription('Đầu số 012 không phải đầu số di động Việt Nam.')
    await userEvent.clear(phone)
    await userEvent.type(phone, '0912 345 678')
    expect(phone).not.toHaveAttribute('aria-invalid', 'true')
  })

  it('edits a household of three and quotes it live with a line per member', async () => {
    const quoted = renderForm()
    await screen.findByText('Người tham gia', { selector: 'h3' })
    await userEvent.click(screen.getByRole('radio', { name: 'BHYT hộ gia đình' }))

    await userEvent.click(screen.getByRole('button', { name: 'Thêm thành viên' }))
    await userEvent.click(screen.getByRole('button', { name: 'Thêm thành viên' }))
    await userEvent.click(screen.getByRole('button', { name: 'Thêm thành viên' }))
    await userEvent.click(screen.getByRole('button', { name: 'Xóa thành viên 4' }))
    expect(screen.getAllByRole('group', { name: /^Thành viên \d$/ })).toHaveLength(3)

    await fillPerson(screen.getByRole('group', { name: 'Thành viên 2' }), hung)
    await userEvent.click(screen.getByRole('button', { name: 'Chuyển thành viên 2 lên' }))
    expect(screen.getByRole('group', { name: 'Thành viên 1' })).toHaveTextContent('Lê Văn Hùng')

    await expect
      .poll(() => quoted.at(-1))
      .toMatchObject({
        // By the rules of the campaign's province (Ho Chi Minh City's support on top of the nation's).
        input: { product: 'HOUSEHOLD_HEALTH_INSURANCE', months: 12, householdMembers: 3, jurisdiction: '79' },
      })
    const quote = await screen.findByRole('table', { name: 'Số tiền đóng dự kiến' })
    expect(quote).toHaveTextContent('Người thứ 2 (70%)')
    expect(quote).toHaveTextContent('1.061.424 ₫')
    expect(quote).toHaveTextContent('3.548.880 ₫')

    // A member insured elsewhere is not priced with the household.
    await userEvent.click(within(screen.getByRole('group', { name: 'Thành viên 3' })).getByRole('checkbox'))
    await expect.poll(() => quoted.at(-1)).toMatchObject({ input: { householdMembers: 2 } })
  })

  it('asks every member but the head their relation to the head, whoever is head', async () => {
    renderForm()
    await startHousehold(1)
    const member = (n: number) => screen.getByRole('group', { name: `Thành viên ${n}` })
    const relation = (n: number) => within(member(n)).queryByRole('textbox', { name: 'Quan hệ với chủ hộ' })
    expect(relation(1)).toBeNull()
    expect(relation(2)).not.toBeNull()

    await userEvent.click(within(member(2)).getByRole('radio', { name: 'Chủ hộ' }))
    expect(relation(2)).toBeNull()
    expect(relation(1)).not.toBeNull()
  })

  it('names a supported member’s line and says when a quote rests on an unconfirmed rule', async () => {
    renderForm({
      quote: () => ({
        data: {
          quoteContribution: {
            __typename: 'ContributionQuote',
            months: 12,
            gross: 2_527_200,
            support: 1_263_600,
            payable: 1_263_600,
            confirmed: false,
            perMonth: { gross: 210_600, support: 105_300, payable: 105_300 },
            lines: [
              {
                __typename: 'MemberLine',
                monthlyAmount: 105_300,
                months: 12,
                total: 1_263_600,
                position: 1,
                shareBasisPoints: 10_000,
              },
              {
                __typename: 'MemberLine',
                monthlyAmount: 105_300,
                months: 12,
                total: 1_263_600,
                position: null,
                shareBasisPoints: 10_000,
              },
              {
                __typename: 'SupportLine',
                monthlyAmount: 105_300,
                months: 12,
                total: 1_263_600,
                group: 'CITY_NEAR_POOR',
                rateBasisPoints: 10_000,
                positions: [],
              },
            ],
          },
        },
      }),
    })
    await screen.findByText('Người tham gia', { selector: 'h3' })
    await userEvent.click(screen.getByRole('radio', { name: 'BHYT hộ gia đình' }))

    const quote = await screen.findByRole('table', { name: 'Số tiền đóng dự kiến' })
    expect(quote).toHaveTextContent('Người thứ 1 (100%)')
    expect(quote).toHaveTextContent('Thành viên thuộc nhóm được hỗ trợ (100%)')
    expect(
      screen.getByText(
        'Có tham số dùng để tính chưa được xác nhận: số tiền có thể thay đổi khi quy định được kiểm tra.',
      ),
    ).toBeInTheDocument()
  })

  it('places the API’s errors beside the fields their paths name and keeps what was typed', async () => {
    const sent: Record<string, unknown>[] = []
    renderForm({
      register: (variables) => {
        sent.push(variables)
        return {
          data: {
            registerEnrollment: {
              __typename: 'ValidationError',
              code: 'VALIDATION',
              message: 'The input is not valid.',
              messageVi: 'Dữ liệu chưa hợp lệ.',
              fieldErrors: [
                {
                  path: ['input', 'householdMembers', '1', 'person', 'citizenId'],
                  code: 'PERSON_IDENTITY_MISMATCH',
                  message:
                    'This citizen ID is on file with a different name, date of birth or sex. Check the details against the identity card.',
                  messageVi:
                    'Số định danh này đã có hồ sơ với họ tên, ngày sinh hoặc giới tính khác. Hãy đối chiếu lại với thẻ căn cước.',
                },
                {
                  path: ['input', 'householdMembers', '0', 'person', 'phone'],
                  code: 'PHONE_PREFIX',
                  message: 'Prefix 099 is not a Vietnamese mobile prefix.',
                  messageVi: 'Đầu số 099 không phải đầu số di động Việt Nam.',
                },
              ],
            },
          },
        }
      },
    })
    await startHousehold(1)
    await fillPerson(screen.getByRole('group', { name: 'Thành viên 2' }), hung)

    await userEvent.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }))

    await expect.poll(() => sent.length).toBe(1)
    expect(sent[0]).toMatchObject({
      input: {
        campaign: 'campaign-1',
        center: 'c-saigon',
        product: 'HOUSEHOLD_HEALTH_INSURANCE',
        status: 'SUBMITTED',
        person: { citizenId: '079190000123', sex: 'FEMALE', dateOfBirth: '1990-05-12' },
        householdMembers: [{ isHead: true }, { isHead: false, person: { fullName: 'Lê Văn Hùng' } }],
      },
    })
    const member = within(screen.getByRole('group', { name: 'Thành viên 2' }))
    const mismatch =
      'Số định danh này đã có hồ sơ với họ tên, ngày sinh hoặc giới tính khác. Hãy đối chiếu lại với thẻ căn cước.'
    expect(await screen.findByText(mismatch)).toBeInTheDocument()
    expect(member.getByRole('textbox', { name: /Số định danh/ })).toHaveAccessibleDescription(mismatch)
    expect(member.getByRole('textbox', { name: /Họ và tên/ })).toHaveValue('Lê Văn Hùng')
    // The enrolled person's row maps to the participant's own fields.
    expect(screen.getByRole('textbox', { name: 'Số điện thoại' })).toHaveAccessibleDescription(
      'Đầu số 099 không phải đầu số di động Việt Nam.',
    )
    expect(within(participant()).getByRole('textbox', { name: /Họ và tên/ })).toHaveValue('Trần Thị Mai')
  })

  it('checks the household with the API’s rules before sending it: a member twice, a child under 6', async () => {
    const sent: Record<string, unknown>[] = []
    renderForm({
      register: (variables) => {
        sent.push(variables)
        return { data: null }
      },
    })
    await startHousehold(2)
    await fillPerson(screen.getByRole('group', { name: 'Thành viên 2' }), mai)
    const child = screen.getByRole('group', { name: 'Thành viên 3' })
    const born = addDays(localDateInZone(new Date()), -3 * 365)
    await fillPerson(child, {
      name: 'Lê Minh An',
      citizenId: buildCitizenId({ provinceCode: '079', dateOfBirth: born, sex: 'MALE', serial: 789 }),
      born,
      sex: 'Nam',
    })

    await userEvent.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }))

    const secondId = within(screen.getByRole('group', { name: 'Thành viên 2' })).getByRole('textbox', {
      name: /Số định danh cá nhân/,
    })
    await expect.poll(() => secondId.getAttribute('aria-invalid')).toBe('true')
    expect(secondId).toHaveAccessibleDescription('Thành viên này đã có trong danh sách hộ.')
    expect(within(child).getByRole('checkbox')).toHaveAccessibleDescription(
      /^Lê Minh An chưa đủ 6 tuổi nên được ngân sách nhà nước đóng BHYT/,
    )
    expect(sent).toEqual([])

    // Listed as insured elsewhere, the child is no longer a problem.
    await userEvent.click(within(child).getByRole('checkbox'))
    await expect.poll(() => within(child).getByRole('checkbox').getAttribute('aria-invalid')).not.toBe('true')
  })

  it('takes the household’s code with the rule the API and the import apply, and sends it trimmed', async () => {
    const sent: Record<string, unknown>[] = []
    renderForm({
      register: (variables) => {
        sent.push(variables)
        return { data: null }
      },
    })
    await startHousehold(0)
    const code = screen.getByRole('textbox', { name: 'Mã hộ gia đình (BHXH)' })
    await pasteInto(code, 'HO#01')
    await userEvent.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }))
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true')
    expect(code).toHaveAccessibleDescription(/Mã hộ gia đình gồm chữ và số/)
    expect(sent).toEqual([])

    await userEvent.clear(code)
    await pasteInto(code, ' HO-01 ')
    await userEvent.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }))
    await expect.poll(() => sent.length).toBe(1)
    expect(sent[0]).toMatchObject({
      input: { product: 'HOUSEHOLD_HEALTH_INSURANCE', householdCode: 'HO-01' },
    })
  })

  it('says voluntary social insurance starts at 15 beside the date of birth', async () => {
    renderForm()
    const section = await screen.findByRole('region', { name: 'Người tham gia' })
    const date = within(section).getByLabelText(/Ngày sinh/)
    fireEvent.change(date, { target: { value: addDays(localDateInZone(new Date()), -14 * 365) } })
    fireEvent.blur(date)

    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true')
    expect(date).toHaveAccessibleDescription(
      /chưa đủ 15 tuổi vào ngày .*: BHXH tự nguyện dành cho công dân từ đủ 15 tuổi\./,
    )
  })

  it('offers every campaign running today, the sixth of seven too, and registers at a center of the one chosen', async () => {
    const sent: Record<string, unknown>[] = []
    renderForm({
      viewer: testAdmin,
      campaigns: provinceCampaigns(7),
      register: (variables) => {
        sent.push(variables)
        return { data: null }
      },
    })
    await choose(await screen.findByRole('combobox', { name: 'Chiến dịch' }), 'Tăng tốc tỉnh 6')
    await choose(screen.getByRole('combobox', { name: /^Đơn vị/ }), 'Bưu điện tỉnh 6')
    await saveMaiAsDraft()

    await expect
      .poll(() => sent[0])
      .toMatchObject({ input: { campaign: 'campaign-province-6', center: 'c-province-6' } })
  })

  describe('in a campaign counted in Honolulu', () => {
    afterEach(() => {
      vi.useRealTimers()
    })

    it('counts age on the campaign’s day, not Vietnam’s', async () => {
      // Vietnam is already at 11/03/2026; in Honolulu it is still the 10th, the day before her 15th birthday.
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(honoluluStillThe10th)
      renderForm({ campaigns: inHonolulu(campaignsWithSaigon) })
      const section = await screen.findByRole('region', { name: 'Người tham gia' })
      const date = within(section).getByLabelText(/Ngày sinh/)
      fireEvent.change(date, { target: { value: '2011-03-11' } })
      fireEvent.blur(date)

      await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true')
      expect(date).toHaveAccessibleDescription(/chưa đủ 15 tuổi vào ngày 10\/03\/2026:/)
    })

    it('writes that day as the console writes dates, in English too', async () => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(honoluluStillThe10th)
      renderForm({ campaigns: inHonolulu(campaignsWithSaigon), locale: 'en' })
      const section = await screen.findByRole('region', { name: 'Participant' })
      const date = within(section).getByLabelText(/Date of birth/)
      fireEvent.change(date, { target: { value: '2011-03-11' } })
      fireEvent.blur(date)

      await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true')
      expect(date).toHaveAccessibleDescription(/is not yet 15 on 10\/03\/2026:/)
    })

    it('offers the campaigns running on their own day, not on Vietnam’s', async () => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(honoluluStillThe10th)
      const campaign = (name: string, timeZone: string, startDate: string, endDate: string) => ({
        node: { ...saigonCampaign, id: name, name, timeZone, startDate, endDate },
      })
      renderForm({
        campaigns: {
          edges: [
            campaign('Honolulu, ngày cuối', 'Pacific/Honolulu', '2026-01-10', '2026-03-10'),
            campaign('Honolulu, từ ngày mai', 'Pacific/Honolulu', '2026-03-11', '2026-05-09'),
            campaign('Sài Gòn, từ hôm nay', 'Asia/Ho_Chi_Minh', '2026-03-11', '2026-05-09'),
            campaign('Sài Gòn, đã hết', 'Asia/Ho_Chi_Minh', '2026-01-10', '2026-03-10'),
          ],
        },
      })
      const select = await screen.findByRole('combobox', { name: 'Chiến dịch' })
      await userEvent.click(select)
      const list = await screen.findByRole('listbox', { name: 'Chiến dịch', hidden: true })
      expect(
        within(list)
          .getAllByRole('option', { hidden: true })
          .map((option) => option.textContent),
      ).toEqual(['Honolulu, ngày cuối', 'Sài Gòn, từ hôm nay'])
    })

    it('names the campaign’s sessions by their time at its clock', async () => {
      renderForm({
        campaigns: inHonolulu(campaignsWithSaigon),
        sessions: {
          edges: [
            {
              node: {
                id: 'hula',
                title: 'Tư vấn tại Honolulu',
                status: 'PLANNED',
                startsAt: honoluluStillThe10th.toISOString(),
              },
            },
          ],
        },
      })
      await choose(
        await screen.findByRole('combobox', { name: 'Buổi tuyên truyền' }),
        '10/03/2026 10:00 · Tư vấn tại Honolulu',
      )
    })
  })

  it('links to the enrollment the person already has when the API reports a conflict', async () => {
    renderForm({
      register: () => ({
        data: {
          registerEnrollment: {
            __typename: 'ConflictError',
            code: 'CONFLICT',
            message: 'This person already has a live enrollment for the product in the campaign.',
            messageVi: 'Người này đã có hồ sơ đang hiệu lực cho loại hình này trong chiến dịch.',
            existingId: 'RW5yb2xsbWVudDo5',
          },
        },
      }),
      quote: () => ({
        data: {
          quoteContribution: {
            __typename: 'ContributionQuote',
            months: 12,
            gross: 5_400_000,
            support: 0,
            payable: 5_400_000,
            perMonth: { gross: 450_000, support: 0, payable: 450_000 },
            lines: [
              {
                __typename: 'MemberLine',
                monthlyAmount: 450_000,
                months: 12,
                total: 5_400_000,
                position: 1,
                shareBasisPoints: 10_000,
              },
            ],
          },
        },
      }),
    })
    await saveMaiAsDraft()

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Người này đã có hồ sơ đang hiệu lực')
    expect(within(alert).getByRole('link', { name: 'Mở hồ sơ đã có' })).toHaveAttribute(
      'href',
      '/records/RW5yb2xsbWVudDo5',
    )
    expect(screen.getByRole('textbox', { name: /Mức thu nhập/ })).toHaveValue('2.500.000\u00a0₫')

    // Sent again with a field the form itself refuses: the last sending's refusal goes, the field's stays.
    const income = screen.getByRole('textbox', { name: /Mức thu nhập/ })
    await userEvent.clear(income)
    await userEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }))
    await expect.poll(() => income.getAttribute('aria-invalid')).toBe('true')
    expect(screen.queryByText(/Người này đã có hồ sơ đang hiệu lực/)).toBeNull()
  })

  it('writes the income as the quote writes amounts, in English too', async () => {
    renderConsoleAt('/enrollments/new', {
      locale: 'en',
      viewer: saigonAgent,
      answers: {
        ...campaignChoiceAnswers(campaignsWithSaigon),
        RegistrationSessions: noSessions,
        QuoteContribution: householdQuote,
      },
    })
    const income = await screen.findByRole('textbox', { name: /Monthly income/ })
    await pasteInto(income, '3000000')
    expect(income).toHaveValue('₫3,000,000')
  })

  it('says when the user may register no one on file for a while, in the console’s language', async () => {
    renderForm({
      register: () => ({
        data: {
          registerEnrollment: {
            __typename: 'TooManyAttemptsError',
            message: 'Too many registrations whose identity details did not match the record on file.',
            messageVi:
              'Đã khai sai thông tin nhân thân của người đã có hồ sơ quá nhiều lần. Hãy thử lại sau 3000 giây.',
          },
        },
      }),
    })
    await saveMaiAsDraft()

    expect(await screen.findByRole('alert')).toHaveTextContent('Đã khai sai thông tin nhân thân')
  })

  it('shows the quote’s income error beside the income', async () => {
    renderForm({
      quote: () => ({
        data: {
          quoteContribution: {
            __typename: 'ValidationError',
            message: 'invalid',
            messageVi: 'không hợp lệ',
            fieldErrors: [
              {
                path: ['input', 'monthlyIncome'],
                message: 'The income is below the minimum of 1,500,000 ₫ (the rural poverty line).',
                messageVi:
                  'Mức thu nhập thấp hơn mức tối thiểu 1.500.000 ₫ (chuẩn hộ nghèo khu vực nông thôn).',
              },
            ],
          },
        },
      }),
    })
    await screen.findByText('Người tham gia', { selector: 'h3' })

    const income = screen.getByRole('textbox', { name: /Mức thu nhập/ })
    await userEvent.type(income, '1000000')

    await expect.poll(() => income.getAttribute('aria-invalid'), { timeout: 3000 }).toBe('true')
    expect(income).toHaveAccessibleDescription(/thấp hơn mức tối thiểu 1.500.000 ₫/)
  })
})
