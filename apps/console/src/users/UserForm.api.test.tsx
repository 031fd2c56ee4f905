// The user form against the real API, through the console's own client and cache.
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsoleApi, startConsoleApi } from '../testing/api.tsx'
import { choose } from '../testing/choose.ts'

describe('the user form', { timeout: 60_000 }, () => {
  let api: ConsoleApi
  beforeAll(async () => {
    api = await startConsoleApi()
  })
  afterAll(async () => {
    await api?.close()
  })

  it('says a username is taken, in English too, keeping what was typed', async () => {
    await api.renderAt('/users', { locale: 'en' })
    await userEvent.click(await screen.findByRole('button', { name: 'Add a user' }))
    const form = await screen.findByRole('form', { name: 'Add a user' })
    await userEvent.type(within(form).getByRole('textbox', { name: /^Username/ }), 'agent')
    await userEvent.type(within(form).getByRole('textbox', { name: /^Name/ }), 'Another agent')
    await choose(within(form).getByRole('combobox', { name: /^Role/ }), 'Agent')
    await choose(within(form).getByRole('combobox', { name: /^Center/ }), /^Bưu điện Trung tâm Sài Gòn/)
    await userEvent.type(within(form).getByLabelText(/^First password/), 'a-long-enough-password')
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }))

    const alert = await within(form).findByRole('alert')
    expect(alert).toHaveTextContent('The username “agent” is taken.')
    expect(within(form).getByRole('textbox', { name: /^Name/ })).toHaveValue('Another agent')
  })
})
