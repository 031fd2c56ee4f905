import { describe, expect, it } from 'vitest'
import { wardFilter } from './WardPicker.tsx'

const options = [
  { value: '26740', label: 'Phường Sài Gòn' },
  { value: '26800', label: 'Phường Thủ Đức' },
  { value: '26848', label: 'Phường Tăng Nhơn Phú' },
]

describe('the ward picker', () => {
  it('finds a ward typed without diacritics', () => {
    expect(
      wardFilter({ options, search: 'thu duc', limit: 30 }).map(
        (option) => 'value' in option && option.value,
      ),
    ).toEqual(['26800'])
  })

  it('finds a ward by any of its words, whatever their case', () => {
    expect(wardFilter({ options, search: 'NHON tang', limit: 30 })).toHaveLength(1)
  })
})
