// Picks an option of a Mantine select by its visible text, as a user would: open it, click the option
// (jsdom runs no transitions, so the open list still counts as hidden).
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'

export async function choose(combobox: HTMLElement, option: string | RegExp) {
  await userEvent.click(combobox)
  await userEvent.click(await screen.findByRole('option', { name: option, hidden: true }))
}
