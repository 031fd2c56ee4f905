// What tests against the real API share: signing in as a seeded user, and the launch campaign's ids
// and a registration through the API, for tests that need an enrollment already there.
import type { PrismaClient } from '@tangtoc/db'
import { launchUsers } from '@tangtoc/db/seed'
import { localDateInZone } from '@tangtoc/shared'

export type SeededUser = (typeof launchUsers)[number]['username']

const logIn = `
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      __typename
    }
  }
`

/** The session cookie of a seeded user, signed in through the API's `logIn` at `url`. */
export async function seededCookie(
  fetchApi: (url: string, init: RequestInit) => Promise<Response>,
  url: string,
  as: SeededUser,
): Promise<string> {
  const user = launchUsers.find((candidate) => candidate.username === as)
  if (!user) throw new Error(`No seeded user ${as}`)
  const response = await fetchApi(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
    body: JSON.stringify({
      query: logIn,
      variables: { input: { username: user.username, password: user.password } },
    }),
  })
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ')
  if (!cookie) throw new Error(`Signing in as ${as} set no cookie`)
  return cookie
}

const launch = `
  query Launch {
    campaign(code: "TANG-TOC-2025") {
      id
    }
    center(code: "BDTT-SAI-GON") {
      id
    }
  }
`

const register = `
  mutation Register($input: RegisterEnrollmentInput!) {
    registerEnrollment(input: $input) {
      __typename
    }
  }
`

type Request = <T>(as: SeededUser, query: string, variables?: Record<string, unknown>) => Promise<T>

/**
 * The launch campaign ran from 2025-11-04 to 2026-01-02, and a registration's period begins within
 * its campaign: tests that register today extend its last day to today, as an admin would (README).
 */
export async function extendLaunchCampaignToToday(prisma: PrismaClient): Promise<void> {
  const today = localDateInZone(new Date())
  await prisma.campaign.updateMany({
    where: { code: 'TANG-TOC-2025', endDate: { lt: new Date(`${today}T00:00:00Z`) } },
    data: { endDate: new Date(`${today}T00:00:00Z`) },
  })
}

/** A voluntary social insurance enrollment of `person` at the launch campaign's Sài Gòn center. */
export async function registerAtSaigon(
  request: Request,
  person: { fullName: string; dateOfBirth: string; sex: string; citizenId: string },
): Promise<string> {
  const { campaign, center } = await request<{ campaign: { id: string }; center: { id: string } }>(
    'admin',
    launch,
  )
  const result = await request<{ registerEnrollment: { __typename: string } }>('agent', register, {
    input: {
      campaign: campaign.id,
      center: center.id,
      product: 'VOLUNTARY_SOCIAL_INSURANCE',
      months: 12,
      monthlyIncome: 2_500_000,
      person,
    },
  })
  return result.registerEnrollment.__typename
}
