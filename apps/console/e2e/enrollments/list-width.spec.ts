// The enrollment list at 1024 px, the smallest width the console is made for: its columns fit beside
// the menu in Vietnamese (the longer labels) and in English, so neither the page nor the table
// scrolls sideways.
import { seedDemo } from '@tangtoc/db/seed'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '../harness.ts'

/** How far the page and the table's own scroll container (Mantine's Table.ScrollContainer) scroll sideways. */
function sidewaysScroll(page: Page) {
  return page.evaluate(() => {
    const overflow = (element: Element) => element.scrollWidth - element.clientWidth
    let container = document.querySelector('table')?.parentElement
    while (container && getComputedStyle(container).overflowX === 'visible')
      container = container.parentElement
    return {
      page: overflow(document.scrollingElement ?? document.documentElement),
      table: container ? overflow(container) : 0,
    }
  })
}

describe('the enrollment list at 1024 px', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
    await seedDemo(harness.prisma, { campaignCode: 'TANG-TOC-2025', enrollments: 200, seed: 1 })
  })
  afterAll(async () => {
    await harness?.close()
  })

  it.each(['vi', 'en'] as const)('shows every column without scrolling sideways, in %s', async (language) => {
    const page = await harness.open('/enrollments')
    await page.setViewportSize({ width: 1024, height: 768 })
    await page.getByRole('table').waitFor()
    if (language === 'en') {
      await page.getByText('English', { exact: true }).click()
      await page.waitForFunction(() => document.documentElement.lang === 'en')
    }
    await page.waitForFunction(() => !/Đang tải…|Loading…/.test(document.body.textContent ?? ''))
    expect(await sidewaysScroll(page)).toEqual({ page: 0, table: 0 })
  })
})
