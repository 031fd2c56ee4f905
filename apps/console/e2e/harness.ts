// One harness per spec file: a fresh test database seeded with the launch campaign, the real API
// serving the built console on a free port, and Debian's Chromium (never a downloaded browser).
import type { AddressInfo } from 'node:net'
import { seedIfEmpty } from '@tangtoc/db/seed'
import { createTestDatabase } from '@tangtoc/db/testing'
import { type Browser, chromium, type Page } from 'playwright-core'
import { inject } from 'vitest'
import { createServer } from '../../api/src/server.ts'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export type Harness = {
  /** A new browser page in a fresh context (its own storage), already at `path`. */
  open(path?: string): Promise<Page>
  close(): Promise<void>
}

export async function startHarness(): Promise<Harness> {
  const database = await createTestDatabase()
  await seedIfEmpty(database.prisma)
  const server = createServer({ prisma: database.prisma, consoleDir: inject('consoleDir') })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  let browser: Browser
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
  } catch (error) {
    server.close()
    await database.close()
    throw error
  }

  return {
    async open(path = '/') {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } })
      // Fail on a missing element well before the test's own timeout, with the locator in the message.
      context.setDefaultTimeout(15_000)
      const page = await context.newPage()
      await page.goto(new URL(path, origin).href)
      return page
    },
    async close() {
      await browser.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await database.close()
    },
  }
}
