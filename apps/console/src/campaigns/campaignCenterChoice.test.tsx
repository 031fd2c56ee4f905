// The campaign and center pickers of the registration, session and import forms, one hook behind all three.
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { campaignChoiceAnswers, provinceCampaigns } from '../testing/campaignChoices.ts'
import { choose } from '../testing/choose.ts'
import { recording } from '../testing/recording.ts'
import { renderConsoleAt } from '../testing/render.tsx'

const forms = [
  { form: 'the registration form', path: '/enrollments/new' },
  { form: 'the session form', path: '/sessions/new' },
  { form: 'the import page', path: '/imports' },
]

const emptyLists = {
  RegistrationSessions: { data: { outreachSessions: { edges: [] } } },
  ImportBatches: { data: { importBatches: { totalCount: 0, edges: [] } } },
}

describe.each(forms)('$form', { timeout: 20_000 }, ({ path }) => {
  it('lists 34 campaigns and reads the centers of the one chosen only', async () => {
    const asked: Record<string, unknown>[] = []
    const answers = campaignChoiceAnswers(provinceCampaigns(34))
    const centers = answers.CampaignCenterChoices as (variables: Record<string, unknown>) => never
    renderConsoleAt(path, {
      answers: { ...answers, ...emptyLists, CampaignCenterChoices: recording(asked, centers) },
    })
    await choose(await screen.findByRole('combobox', { name: /^Chiến dịch/ }), 'Tăng tốc tỉnh 34')
    await choose(screen.getByRole('combobox', { name: /^Đơn vị/ }), 'Bưu điện tỉnh 34')

    expect(new Set(asked.map((variables) => variables.campaign))).toEqual(new Set(['campaign-province-34']))
  })

  it('says so when there are more campaigns than the list holds', async () => {
    renderConsoleAt(path, {
      locale: 'en',
      answers: { ...campaignChoiceAnswers(provinceCampaigns(3), { totalCount: 134 }), ...emptyLists },
    })
    const campaign = await screen.findByRole('combobox', { name: /^Campaign/ })

    await expect
      .poll(() => campaign)
      .toHaveAccessibleDescription(
        'Listing 3 of 134 campaigns, the latest to start first; the others cannot be chosen here.',
      )
  })
})
