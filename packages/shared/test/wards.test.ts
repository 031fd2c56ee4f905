import { describe, expect, it } from 'vitest'
import { findProvince, findWard, hoChiMinhCityWards, provinces, wardSource } from '../src/index.ts'
import * as wardsEntry from '../src/wards/index.ts'

describe('administrative units snapshot', () => {
  it('holds the 34 provinces, Ho Chi Minh City being 79', () => {
    expect(provinces).toHaveLength(34)
    expect(findProvince('79')?.name).toBe('Hồ Chí Minh')
  })

  it("holds the new city's 168 units: 113 wards, 54 communes and the Côn Đảo special zone", () => {
    expect(hoChiMinhCityWards).toHaveLength(168)
    const count = (type: string) => hoChiMinhCityWards.filter((ward) => ward.type === type).length
    expect([count('WARD'), count('COMMUNE'), count('SPECIAL_ZONE')]).toEqual([113, 54, 1])
    expect(findWard('26732')).toMatchObject({ name: 'Côn Đảo', type: 'SPECIAL_ZONE', provinceCode: '79' })
  })

  it('keys on unique 5-digit codes, matching the published examples', () => {
    expect(new Set(hoChiMinhCityWards.map((ward) => ward.code)).size).toBe(168)
    expect(hoChiMinhCityWards.every((ward) => /^\d{5}$/.test(ward.code))).toBe(true)
    expect(findWard('26740')?.name).toBe('Sài Gòn')
    expect(findWard('26824')?.name).toBe('Thủ Đức')
    expect(findWard('25747')?.name).toBe('Thủ Dầu Một')
    expect(findWard('99999')).toBeUndefined()
  })

  it('gives each ward a folded search key', () => {
    expect(findWard('26824')?.searchKey).toBe('thu duc')
  })

  it('keeps the MIT attribution of its source', () => {
    expect(wardSource.licence).toBe('MIT')
    expect(wardSource.source).toContain('thanglequoc/vietnamese-provinces-database')
  })

  it('is also published as @tangtoc/shared/wards', () => {
    expect(wardsEntry.findWard).toBe(findWard)
  })
})
