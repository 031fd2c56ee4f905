import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { campaignChoiceAnswers, provinceCampaigns } from '../testing/campaignChoices.ts'
import { choose } from '../testing/choose.ts'
import { renderConsoleAt } from '../testing/render.tsx'

const noBatches = { data: { importBatches: { totalCount: 0, edges: [] } } }

describe('importing a file', () => {
  it('takes a file for the sixth of seven active campaigns, at a center of that campaign', async () => {
    renderConsoleAt('/imports', {
      answers: { ...campaignChoiceAnswers(provinceCampaigns(7)), ImportBatches: noBatches },
    })
    const choose_file = () => screen.getByRole('button', { name: 'Chọn tệp' })
    await choose(await screen.findByRole('combobox', { name: 'Chiến dịch' }), 'Tăng tốc tỉnh 6')
    expect(choose_file()).toBeDisabled()
    await choose(screen.getByRole('combobox', { name: 'Đơn vị' }), 'Bưu điện tỉnh 6')

    expect(choose_file()).toBeEnabled()
  })
})
