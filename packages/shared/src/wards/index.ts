// Provinces since 2025-07-01 and the new Ho Chi Minh City's 168 commune-level units, from a dated
// snapshot (see README.md). Everything is keyed on official codes: names collide ("Phú Thọ" is an
// HCMC ward and a province; "Thủ Đức" and "Bình Dương" are ward names).

import type { WardType } from '../enums.ts'
import { foldSearchKey } from '../text/search-key.ts'
import units from './administrative-units.json' with { type: 'json' }

export const provinceTypes = ['CITY', 'PROVINCE'] as const
export type ProvinceType = (typeof provinceTypes)[number]

export type Province = {
  /** 2-digit code, Decision 19/2025/QĐ-TTg (HCMC = '79'). */
  readonly code: string
  readonly name: string
  readonly fullName: string
  readonly nameEn: string
  readonly type: ProvinceType
}

export type Ward = {
  /** 5-digit code, Decision 19/2025/QĐ-TTg; a unit that survived the merger kept its old code. */
  readonly code: string
  readonly name: string
  readonly fullName: string
  readonly nameEn: string
  readonly type: WardType
  readonly provinceCode: string
  /** foldSearchKey(name), as stored in Ward.searchKey. */
  readonly searchKey: string
}

export const hoChiMinhCityProvinceCode = '79'

/** Where the snapshot comes from, to show beside the data and keep the MIT attribution. */
export const wardSource = {
  source: units.source,
  licence: 'MIT',
  dataset: 'https://github.com/thanglequoc/vietnamese-provinces-database',
  decision: 'Decision 19/2025/QĐ-TTg (in force 2025-07-01)',
  retrieved: units.retrieved,
} as const

const provinceTypeBySourceType: Record<string, ProvinceType> = { City: 'CITY', Province: 'PROVINCE' }

const wardTypeBySourceType: Record<string, WardType> = {
  Ward: 'WARD',
  Commune: 'COMMUNE',
  'Special administrative region': 'SPECIAL_ZONE',
}

function mapped<T>(table: Record<string, T>, sourceType: string, code: string): T {
  const value = table[sourceType]
  if (value === undefined)
    throw new Error(`administrative-units.json: unit ${code} has unknown type ${sourceType}`)
  return value
}

export const provinces: readonly Province[] = units.provinces.map((province) => ({
  code: province.code,
  name: province.name,
  fullName: province.fullName,
  nameEn: province.nameEn,
  type: mapped(provinceTypeBySourceType, province.type, province.code),
}))

export const hoChiMinhCityWards: readonly Ward[] = units.hoChiMinhCity.map((ward) => ({
  code: ward.code,
  name: ward.name,
  fullName: ward.fullName,
  nameEn: ward.nameEn,
  type: mapped(wardTypeBySourceType, ward.type, ward.code),
  provinceCode: hoChiMinhCityProvinceCode,
  searchKey: foldSearchKey(ward.name),
}))

const wardsByCode = new Map(hoChiMinhCityWards.map((ward) => [ward.code, ward]))
const provincesByCode = new Map(provinces.map((province) => [province.code, province]))

/** Whether a text has the form of an official ward code, 5 digits (whether the ward exists is another question). */
export function isWardCode(code: string): boolean {
  return /^\d{5}$/.test(code)
}

export function findWard(code: string): Ward | undefined {
  return wardsByCode.get(code)
}

export function findProvince(code: string): Province | undefined {
  return provincesByCode.get(code)
}
