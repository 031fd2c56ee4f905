// Dates follow the console's language, not the browser's: day first in both, the calendar's month
// and weekday names in the chosen language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '../harness.ts'

describe('dates in the console', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('are written dd/MM/yyyy in Vietnamese and in English, in fields and their calendars', async () => {
    const page = await harness.open('/campaigns/TANG-TOC-2025/edit')
    const start = page.getByLabel('Ngày bắt đầu')
    await expect.poll(() => start.inputValue()).toBe('04/11/2025')
    await start.click()
    await page.getByRole('button', { name: 'tháng 11 2025', exact: true }).waitFor()
    await page.keyboard.press('Escape')

    await page.getByText('English', { exact: true }).click()
    const startEn = page.getByLabel('Start date')
    expect(await startEn.inputValue()).toBe('04/11/2025')
    await startEn.click()
    await page.getByRole('button', { name: 'November 2025', exact: true }).waitFor()
  })
})
