// In production the API is no map for strangers and no open door: no introspection or field suggestions
// for anonymous callers, GraphiQL only for the signed-in and from this server's own files, and no start
// while an account keeps a published development password or no admin exists.
import { createUser } from '@tangtoc/db/fixtures'
import { seedIfEmpty, seedLaunchUsers } from '@tangtoc/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { graphiqlAssetsPath } from '../../src/graphiql.ts'
import { productionProblems, takeAdminFromEnvironment } from '../../src/production.ts'
import type { createYogaApp } from '../../src/server.ts'
import { type ApiHarness, type Credentials, createApiHarness, type GraphQLResponse } from '../harness.ts'

let api: ApiHarness
let production: ReturnType<typeof createYogaApp>
beforeAll(async () => {
  api = await createApiHarness()
  production = api.yogaWith({ production: true })
})
afterAll(() => api.close())

async function ask(yoga: ReturnType<typeof createYogaApp>, query: string, credentials: Credentials = null) {
  const response = await yoga.fetch('http://tangtoc.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(credentials && 'cookie' in credentials ? { cookie: credentials.cookie } : {}),
    },
    body: JSON.stringify({ query }),
  })
  return (await response.json()) as Pick<GraphQLResponse, 'data' | 'errors'>
}

const openGraphiQL = (yoga: ReturnType<typeof createYogaApp>, credentials: Credentials = null) =>
  yoga.fetch('http://tangtoc.test/graphql', {
    headers: {
      accept: 'text/html',
      ...(credentials && 'cookie' in credentials ? { cookie: credentials.cookie } : {}),
    },
  })

describe('the schema in production', () => {
  it('anonymous introspection is refused; a signed-in user may introspect', async () => {
    const anonymous = await ask(production, '{ __schema { queryType { name } } }')
    expect(anonymous.data).toBeUndefined()
    expect(anonymous.errors?.[0]?.message).toMatch(/introspection/i)
    const { credentials } = await api.userWithRole('VIEWER')
    expect((await ask(production, '{ __schema { queryType { name } } }', credentials)).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    })
    // In development anyone may, as GraphiQL's documentation needs.
    expect((await ask(api.yoga, '{ __schema { queryType { name } } }')).data).toBeDefined()
  })

  it('a misspelt field gets no suggestion of the right one', async () => {
    const production_ = await ask(production, '{ campaing(code: "X") { id } }')
    expect(production_.errors?.[0]?.message).toBe('Cannot query field "campaing" on type "Query".')
    const development = await ask(api.yoga, '{ campaing(code: "X") { id } }')
    expect(development.errors?.[0]?.message).toMatch(/Did you mean "campaign/)
  })
})

describe('GraphiQL', () => {
  it('loads no script from another site and runs none inline', async () => {
    const html = await (await openGraphiQL(api.yoga)).text()
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes = '', body = ''] of scripts) {
      const source = attributes.match(/src="([^"]+)"/)?.[1]
      if (source) expect(source.startsWith(`${graphiqlAssetsPath}/`)).toBe(true)
      else expect(attributes).toMatch(/type="application\/json"/)
      if (!source) expect(() => JSON.parse(body)).not.toThrow()
    }
    for (const [, reference = ''] of html.matchAll(/\b(?:src|href)="([^"]*)"/g))
      expect(reference).toMatch(/^(\/|data:)/)
    for (const file of ['graphiql.js', 'start.js', 'graphiql.css', 'graphql.worker.js']) {
      const response = await api.yoga.fetch(`http://tangtoc.test${graphiqlAssetsPath}/${file}`)
      expect(response.status).toBe(200)
      expect((await response.text()).length).toBeGreaterThan(100)
    }
  })

  it('in production is for signed-in users; others are sent to sign in', async () => {
    const anonymous = await openGraphiQL(production)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.text()).toContain('<a href="/">')
    const { credentials } = await api.userWithRole('AGENT')
    const signedIn = await openGraphiQL(production, credentials)
    expect(signedIn.status).toBe(200)
    expect(await signedIn.text()).toContain(`${graphiqlAssetsPath}/graphiql.js`)
  })
})

describe('starting in production', () => {
  it('a fresh database gets the launch campaign but no account with a published password', async () => {
    const fresh = await createApiHarness()
    try {
      const seeded = await seedIfEmpty(fresh.prisma, { launchAccounts: false })
      expect(seeded.launchCampaignId).not.toBeNull()
      expect(await fresh.prisma.user.count()).toBe(0)
      expect(await productionProblems(fresh.prisma, null)).toEqual([
        expect.stringMatching(/^No admin exists\. Create the first one with `pnpm admin:create/),
      ])
    } finally {
      await fresh.close()
    }
  })

  it('refuses while a seeded development password is still in use, naming the accounts', async () => {
    const developed = await createApiHarness()
    try {
      await seedLaunchUsers(developed.prisma)
      await createUser(developed.prisma, { role: 'AGENT', password: 'a real passphrase' })
      const problems = await productionProblems(developed.prisma, null)
      expect(problems).toEqual([
        expect.stringMatching(/published for development: admin, agent, manager, viewer\./),
      ])
      // Once each has a password of its own, or is deactivated, it starts.
      await developed.prisma.user.updateMany({ data: { active: false } })
      await createUser(developed.prisma, { role: 'ADMIN', password: 'another real passphrase' })
      expect(await productionProblems(developed.prisma, null)).toEqual([])
    } finally {
      await developed.close()
    }
  })

  it('takes the first admin from the environment once, and never a published password', async () => {
    const fresh = await createApiHarness()
    try {
      const env: NodeJS.ProcessEnv = { ADMIN_USERNAME: 'quantri', ADMIN_PASSWORD: 'tangtoc-admin' }
      expect(await productionProblems(fresh.prisma, takeAdminFromEnvironment(env))).toEqual([
        'ADMIN_USERNAME / ADMIN_PASSWORD: password: This password is published (a development password); choose another.',
        expect.stringMatching(/^No admin exists/),
      ])
      expect(env).toEqual({})

      const admin = takeAdminFromEnvironment({
        ADMIN_USERNAME: 'quantri',
        ADMIN_PASSWORD: 'mật khẩu riêng 2025',
      })
      expect(await productionProblems(fresh.prisma, admin)).toEqual([])
      const created = await fresh.prisma.user.findUniqueOrThrow({ where: { username: 'quantri' } })
      expect(created.role).toBe('ADMIN')
      // Read once: with an admin in place, what the environment says is ignored.
      const later = takeAdminFromEnvironment({ ADMIN_USERNAME: 'khac', ADMIN_PASSWORD: 'mật khẩu khác 2025' })
      expect(await productionProblems(fresh.prisma, later)).toEqual([])
      expect(await fresh.prisma.user.count()).toBe(1)
    } finally {
      await fresh.close()
    }
  })
})
