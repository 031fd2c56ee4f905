// The center form against the real API, through the console's own client and cache.
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsoleApi, startConsoleApi } from '../testing/api.tsx'
import { choose } from '../testing/choose.ts'

describe('the center form', { timeout: 60_000 }, () => {
  let api: ConsoleApi
  beforeAll(async () => {
    api = await startConsoleApi()
  })
  afterAll(async () => {
    await api?.close()
  })

  it('says a center code is taken and links to the center that holds it, keeping what was typed', async () => {
    await api.renderAt('/centers')
    await userEvent.click(await screen.findByRole('button', { name: 'Thêm đơn vị' }))
    const form = await screen.findByRole('form', { name: 'Thêm đơn vị' })
    await userEvent.type(within(form).getByRole('textbox', { name: /^Mã/ }), 'BDTT-SAI-GON')
    await userEvent.type(within(form).getByRole('textbox', { name: /^Tên đơn vị/ }), 'Bưu cục trùng mã')
    await choose(within(form).getByRole('combobox', { name: /^Loại đơn vị/ }), 'Bưu cục')
    await choose(within(form).getByRole('combobox', { name: /^Tổ chức/ }), 'Bưu điện Việt Nam')
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }))

    const alert = await within(form).findByRole('alert')
    expect(alert).toHaveTextContent('Mã đơn vị “BDTT-SAI-GON” đã được dùng.')
    expect(within(alert).getByRole('link', { name: 'Mở bản ghi đã có' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/records\//),
    )
    expect(within(form).getByRole('textbox', { name: /^Tên đơn vị/ })).toHaveValue('Bưu cục trùng mã')

    // Sent again without the name, which the form itself asks for: the refusal of the code goes.
    const name = within(form).getByRole('textbox', { name: /^Tên đơn vị/ })
    await userEvent.clear(name)
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }))
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true')
    expect(within(form).queryByRole('alert')).toBeNull()
  })
})
