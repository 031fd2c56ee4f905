// The campaign pickers' questions against the real API: within its cost limit, and scoped as it scopes.
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { print } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsoleApi, startConsoleApi } from '../testing/api.tsx'
import { CampaignCenterChoicesQuery, CampaignChoicesQuery } from './campaignCenterChoice.tsx'

type Choices = { campaigns: { totalCount: number; edges: { node: { id: string; code: string } }[] } }
type CenterChoices = { node: { centers: { totalCount: number; edges: { node: { name: string } }[] } } }

/** What the forms asked before: every campaign with its hundred centers and their ancestors. */
const campaignsWithTheirCenters = (first: number) => `{
  campaigns(first: ${first}, filter: { status: [ACTIVE] }) {
    edges { node { id name timeZone centers(first: 100) { edges { node { id name ancestors { id } } } } } }
  }
}`

describe('choosing a campaign and its center', { timeout: 60_000 }, () => {
  let api: ConsoleApi
  beforeAll(async () => {
    api = await startConsoleApi()
  })
  afterAll(async () => {
    await api?.close()
  })

  it('reads a hundred campaigns, then the chosen one’s centers, within the cost limit that a national drive’s 34 campaigns with their centers exceed', async () => {
    const { campaigns } = await api.graphql<Choices>('agent', print(CampaignChoicesQuery), {
      filter: { status: ['ACTIVE', 'DRAFT'] },
    })
    const launch = campaigns.edges.find(({ node }) => node.code === 'TANG-TOC-2025')?.node
    expect(launch).toBeDefined()
    const { node } = await api.graphql<CenterChoices>('agent', print(CampaignCenterChoicesQuery), {
      campaign: launch?.id,
    })
    expect(node.centers.edges.map((edge) => edge.node.name)).toContain('Bưu điện Trung tâm Sài Gòn')

    await expect(api.graphql('admin', campaignsWithTheirCenters(5))).resolves.toBeDefined()
    await expect(api.graphql('admin', campaignsWithTheirCenters(34))).rejects.toThrow(
      /Cost limit of 100000 exceeded/,
    )
  })

  it('offers an agent importing a file its own center only', async () => {
    await api.renderAt('/imports', { as: 'agent' })
    const center = await screen.findByRole('combobox', { name: 'Đơn vị' }, { timeout: 10_000 })
    await expect
      .poll(() => (center as HTMLInputElement).value, { timeout: 10_000 })
      .toBe('Bưu điện Trung tâm Sài Gòn')
    await userEvent.click(center)
    const offered = (await screen.findAllByRole('option', { hidden: true })).map(
      (option) => option.textContent,
    )
    // The other lists' options (the campaign, the product) are in the page too, hidden.
    expect(offered.filter((name) => name?.startsWith('Bưu điện'))).toEqual(['Bưu điện Trung tâm Sài Gòn'])
  })

  it('offers an admin importing a file only the centers that take part, not the city post office that organises the campaign', async () => {
    // A registration (and so an import) at a center that organises without taking part is refused.
    await api.renderAt('/imports', { as: 'admin' })
    const center = await screen.findByRole('combobox', { name: 'Đơn vị' }, { timeout: 10_000 })
    await userEvent.click(center)
    await screen.findAllByRole(
      'option',
      { name: 'Bưu điện Trung tâm Sài Gòn', hidden: true },
      { timeout: 10_000 },
    )
    const offered = (await screen.findAllByRole('option', { hidden: true })).map(
      (option) => option.textContent,
    )
    expect(offered).not.toContain('Bưu điện Thành phố Hồ Chí Minh')
    // Nor chosen for them as the admin's own center.
    expect((center as HTMLInputElement).value).toBe('')
  })
})
