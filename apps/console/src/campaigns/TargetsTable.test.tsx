import { screen, within } from '@testing-library/react'
import { maskFragments } from 'gql.tada'
import { describe, expect, it } from 'vitest'
import type { ResultOf } from '../graphql.ts'
import { renderWithConsole } from '../testing/render.tsx'
import { TargetFields, TargetsTable } from './TargetsTable.tsx'

type Target = ResultOf<typeof TargetFields>

const wholeCampaign = { center: null, dueDate: null, label: null }
const voluntarySocialInsurance: Target = {
  id: 'target-vsi',
  product: 'VOLUNTARY_SOCIAL_INSURANCE',
  count: 16000,
  ...wholeCampaign,
}
const householdHealthInsurance: Target = {
  id: 'target-hhi',
  product: 'HOUSEHOLD_HEALTH_INSURANCE',
  count: 350000,
  ...wholeCampaign,
}
const launchDay: Target = {
  id: 'target-launch',
  product: null,
  center: null,
  dueDate: '2025-11-04',
  label: 'Ngày ra quân',
  count: 3000,
}
const thuDucTarget: Target = {
  id: 'target-thu-duc',
  product: 'VOLUNTARY_SOCIAL_INSURANCE',
  center: { id: 'center-thu-duc', code: 'BDTT-THUDUC', name: 'Bưu điện Trung tâm Thủ Đức' },
  dueDate: null,
  label: null,
  count: 1500,
}

function targets(...list: Target[]) {
  return maskFragments([TargetFields], list)
}

function rowOf(name: RegExp) {
  return within(screen.getByRole('table', { name: /Chỉ tiêu|Targets/ })).getByRole('row', { name })
}

describe('the targets table', () => {
  it('shows the campaign-wide targets per product with counts written the Vietnamese way', () => {
    renderWithConsole(<TargetsTable targets={targets(voluntarySocialInsurance, householdHealthInsurance)} />)

    expect(rowOf(/16\.000/)).toHaveTextContent('BHXH tự nguyện')
    expect(rowOf(/16\.000/)).toHaveTextContent('Toàn chiến dịch')
    expect(rowOf(/16\.000/)).toHaveTextContent('Kết thúc chiến dịch')
    expect(rowOf(/350\.000/)).toHaveTextContent('BHYT hộ gia đình')
    expect(rowOf(/350\.000/)).toHaveTextContent('Toàn chiến dịch')
  })

  it('gives a milestone its date and its name, over all products', () => {
    renderWithConsole(<TargetsTable targets={targets(launchDay)} />)

    const row = rowOf(/3\.000/)
    expect(row).toHaveTextContent('Tất cả sản phẩm')
    expect(row).toHaveTextContent('04/11/2025 · Ngày ra quân')
  })

  it('names the center a target belongs to', () => {
    renderWithConsole(<TargetsTable targets={targets(thuDucTarget)} />)

    expect(rowOf(/1\.500/)).toHaveTextContent('Bưu điện Trung tâm Thủ Đức')
  })

  it('writes counts the English way in English', () => {
    renderWithConsole(
      <TargetsTable targets={targets(voluntarySocialInsurance, householdHealthInsurance)} />,
      {
        locale: 'en',
      },
    )

    expect(rowOf(/16,000/)).toHaveTextContent('Voluntary social insurance')
    expect(rowOf(/16,000/)).toHaveTextContent('Whole campaign')
    expect(rowOf(/350,000/)).toHaveTextContent('Campaign end')
  })

  it('says so when the campaign has no targets', () => {
    renderWithConsole(<TargetsTable targets={[]} />)

    expect(screen.getByText('Chiến dịch chưa có chỉ tiêu.')).toBeInTheDocument()
  })
})
