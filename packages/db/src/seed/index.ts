// Seeding: the reference data every database needs, the launch campaign with its first accounts, and
// a deterministic demo of a whole campaign.

import type { PrismaClient } from '../generated/prisma/client.ts'
import { seedLaunchCampaign } from './launch-campaign.ts'
import { seedLaunchUsers } from './launch-users.ts'
import { type ReferenceDataResult, seedReferenceData } from './reference-data.ts'

export {
  clearCampaignActivity,
  type DemoOptions,
  type DemoResult,
  demoUserPassword,
  previousYearCode,
  seedDemo,
} from './demo.ts'
export { developmentPasswords, developmentPasswordsInUse } from './development-passwords.ts'
export { launchCampaign, launchCampaignCode, seedLaunchCampaign } from './launch-campaign.ts'
export { launchCenters } from './launch-centers.ts'
export { launchUsers, seedLaunchUsers } from './launch-users.ts'
export {
  type NationalOptions,
  type NationalResult,
  provinceCampaignCode,
  provincePopulation,
  provincesByPopulation,
  seedNational,
} from './national.ts'
export { type ReferenceDataResult, seedReferenceData } from './reference-data.ts'

export type SeedIfEmptyResult = {
  referenceData: ReferenceDataResult
  /** The launch campaign's id when it was created now; null when a campaign already existed. */
  launchCampaignId: string | null
  usersCreated: string[]
}

/**
 * What every start runs: reference data always; the launch campaign and its first accounts only on a
 * database without any campaign, so nothing an admin changed is ever overwritten. In production
 * (`launchAccounts: false`) the accounts with published passwords are left out.
 */
export async function seedIfEmpty(
  prisma: PrismaClient,
  { launchAccounts = true }: { launchAccounts?: boolean } = {},
): Promise<SeedIfEmptyResult> {
  const referenceData = await seedReferenceData(prisma)
  if ((await prisma.campaign.count()) > 0) return { referenceData, launchCampaignId: null, usersCreated: [] }
  const { campaignId } = await seedLaunchCampaign(prisma)
  const usersCreated = launchAccounts ? await seedLaunchUsers(prisma) : []
  return { referenceData, launchCampaignId: campaignId, usersCreated }
}
export { recountCampaignRollups } from '../rollup-counts.ts'
