import { describe, expect, it } from 'vitest'
import { foldedFilter, subtreeIds } from './CenterPicker.tsx'

const option = (value: string, label: string) => ({ value, label })

describe('picking centers', () => {
  it('finds a center typed without diacritics or in another case, every word typed', () => {
    const options = [
      option('sg', 'Bưu điện Trung tâm Sài Gòn (BDTT-SAI-GON)'),
      option('td', 'Bưu điện Trung tâm Thủ Đức (BDTT-THU-DUC)'),
      option('bhxh-sg', 'Bảo hiểm xã hội cơ sở Sài Gòn (BHXH-SAI-GON)'),
    ]
    const found = (search: string) =>
      (foldedFilter({ options, search, limit: 100 }) as { value: string }[]).map((each) => each.value)
    expect(found('sai gon')).toEqual(['sg', 'bhxh-sg'])
    expect(found('BUU DIEN sai')).toEqual(['sg'])
    expect(found('thủ đức')).toEqual(['td'])
    expect(found('')).toEqual(['sg', 'td', 'bhxh-sg'])
  })

  it('takes a center with every center below it, at any depth, and nothing beside it', () => {
    const tree = [
      { id: 'city', parent: null },
      { id: 'central', parent: { id: 'city' } },
      { id: 'post', parent: { id: 'central' } },
      { id: 'office', parent: { id: 'post' } },
      { id: 'other', parent: { id: 'city' } },
    ]
    expect(subtreeIds(tree, 'central')).toEqual(['central', 'post', 'office'])
    expect(subtreeIds(tree, 'office')).toEqual(['office'])
    expect(subtreeIds(tree, 'city').sort()).toEqual(['central', 'city', 'office', 'other', 'post'])
  })
})
