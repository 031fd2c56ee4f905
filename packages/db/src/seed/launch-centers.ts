// The centers of the launch campaign, as editable data. No source names the eight central post offices
// (UNCONFIRMED, docs/domain/vn-insurance.md §0); the base social-insurance offices are an illustrative
// handful. Admins edit both in the console; this is only the first state.

import type { CenterKind, Organization } from '../generated/prisma/enums.ts'

export type LaunchCenter = {
  readonly code: string
  readonly name: string
  readonly kind: CenterKind
  readonly organization: Organization
  /** The parent's code; none for the two organising roots. */
  readonly parentCode?: string
  readonly wardCode: string
  readonly address?: string
  /** Relative share of the campaign targets; absent for centers that organise but do not enrol. */
  readonly targetWeight?: number
  /**
   * The ward codes whose residents this center mostly serves, as inclusive ranges of the 5-digit
   * codes (codes of one former district are contiguous). Used by the demo generator only.
   */
  readonly area?: readonly (readonly [from: number, to: number])[]
}

export const cityPostOfficeCode = 'BDTP-HCM'
export const citySocialInsuranceCode = 'BHXH-HCM'

// Areas of the former districts, by ward code (Decision 19/2025/QĐ-TTg keeps surviving codes).
const areas = {
  saiGon: [
    [26734, 26766],
    [27139, 27160],
    [27259, 27290],
  ],
  giaDinh: [
    [26876, 26966],
    [27043, 27093],
  ],
  thuDuc: [
    [26800, 26875],
    [27094, 27138],
  ],
  phuTho: [
    [26967, 27042],
    [27161, 27258],
  ],
  choLon: [[27291, 27438]],
  namSaiGon: [
    [27461, 27495],
    [27641, 27700],
  ],
  binhChanh: [
    [27439, 27460],
    [27593, 27640],
  ],
  cuChi: [
    [26767, 26799],
    [27496, 27592],
  ],
  binhDuong: [[25700, 26000]],
  baRiaVungTau: [[26500, 26733]],
} as const satisfies Record<string, readonly (readonly [number, number])[]>

export const launchCenters: readonly LaunchCenter[] = [
  {
    code: cityPostOfficeCode,
    name: 'Bưu điện Thành phố Hồ Chí Minh',
    kind: 'CITY_POST_OFFICE',
    organization: 'VIETNAM_POST',
    wardCode: '26740',
    address: '2 Công xã Paris, Phường Sài Gòn',
  },
  {
    code: citySocialInsuranceCode,
    name: 'Bảo hiểm xã hội Thành phố Hồ Chí Minh',
    kind: 'CITY_SOCIAL_INSURANCE',
    organization: 'SOCIAL_INSURANCE',
    wardCode: '27073',
  },
  ...(
    [
      ['THU-DUC', 'Thủ Đức', '26824', 14, areas.thuDuc],
      ['SAI-GON', 'Sài Gòn', '26740', 9, areas.saiGon],
      ['GIA-DINH', 'Gia Định', '26944', 11, areas.giaDinh],
      ['CHO-LON', 'Chợ Lớn', '27343', 9, areas.choLon],
      ['PHU-THO', 'Phú Thọ', '27226', 10, areas.phuTho],
      ['NAM-SAI-GON', 'Nam Sài Gòn', '27478', 7, areas.namSaiGon],
      ['BINH-CHANH', 'Bình Chánh', '27637', 9, areas.binhChanh],
      ['CU-CHI', 'Củ Chi', '27553', 8, areas.cuChi],
    ] as const
  ).map(
    ([code, name, wardCode, targetWeight, area]): LaunchCenter => ({
      code: `BDTT-${code}`,
      name: `Bưu điện Trung tâm ${name}`,
      kind: 'CENTRAL_POST_OFFICE',
      organization: 'VIETNAM_POST',
      parentCode: cityPostOfficeCode,
      wardCode,
      targetWeight,
      area,
    }),
  ),
  {
    code: 'DIEM-CAU-BINH-DUONG',
    name: 'Điểm cầu Bưu điện Trung tâm Bình Dương (cũ)',
    kind: 'ONLINE_BRIDGE_POINT',
    organization: 'VIETNAM_POST',
    parentCode: cityPostOfficeCode,
    wardCode: '25747',
    targetWeight: 8,
    area: areas.binhDuong,
  },
  {
    code: 'DIEM-CAU-BA-RIA-VUNG-TAU',
    name: 'Điểm cầu Bưu điện Trung tâm Bà Rịa – Vũng Tàu (cũ)',
    kind: 'ONLINE_BRIDGE_POINT',
    organization: 'VIETNAM_POST',
    parentCode: cityPostOfficeCode,
    wardCode: '26506',
    targetWeight: 5,
    area: areas.baRiaVungTau,
  },
  // Illustrative: the city's base offices after the 2025 reorganisation are not listed in any stored
  // source; these are named after the same areas so the demo has social-insurance desks too.
  ...(
    [
      ['SAI-GON', 'Sài Gòn', '26740', areas.saiGon],
      ['THU-DUC', 'Thủ Đức', '26824', areas.thuDuc],
      ['GIA-DINH', 'Gia Định', '26944', areas.giaDinh],
      ['CHO-LON', 'Chợ Lớn', '27343', areas.choLon],
      ['BINH-CHANH', 'Bình Chánh', '27637', areas.binhChanh],
      ['CU-CHI', 'Củ Chi', '27553', areas.cuChi],
      ['THU-DAU-MOT', 'Thủ Dầu Một', '25747', areas.binhDuong],
      ['VUNG-TAU', 'Vũng Tàu', '26506', areas.baRiaVungTau],
    ] as const
  ).map(
    ([code, name, wardCode, area]): LaunchCenter => ({
      code: `BHXHCS-${code}`,
      name: `Bảo hiểm xã hội cơ sở ${name}`,
      kind: 'BASE_SOCIAL_INSURANCE_OFFICE',
      organization: 'SOCIAL_INSURANCE',
      parentCode: citySocialInsuranceCode,
      wardCode,
      targetWeight: 1.25,
      area,
    }),
  ),
]

/** Whether `wardCode` lies in one of `center`'s area ranges. */
export function centerServesWard(center: LaunchCenter, wardCode: string): boolean {
  const code = Number(wardCode)
  return (center.area ?? []).some(([from, to]) => code >= from && code <= to)
}
