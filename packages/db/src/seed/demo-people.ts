// Believable people for the demo: Vietnamese names with their marks, dates of birth, citizen ids that
// agree with both, mobile numbers and addresses in Ho Chi Minh City's wards.

import { buildCitizenId, type Sex, type Ward } from '@tangtoc/shared'
import type { Random } from './random.ts'

// Family names weighted by their approximate national frequency, with the southern spellings
// (Huỳnh, Võ) that Ho Chi Minh City uses more than the northern ones (Hoàng, Vũ).
const familyNames: readonly (readonly [string, number])[] = [
  ['Nguyễn', 380],
  ['Trần', 110],
  ['Lê', 95],
  ['Phạm', 70],
  ['Huỳnh', 35],
  ['Hoàng', 15],
  ['Phan', 45],
  ['Võ', 30],
  ['Vũ', 9],
  ['Đặng', 21],
  ['Bùi', 20],
  ['Đỗ', 14],
  ['Hồ', 13],
  ['Ngô', 13],
  ['Dương', 10],
  ['Lý', 5],
  ['Trương', 6],
  ['Lâm', 5],
  ['Đinh', 4],
  ['Mai', 4],
  ['Đoàn', 4],
  ['Châu', 3],
  ['Tô', 2],
  ['Cao', 3],
  ['Quách', 2],
  ['Tạ', 2],
  ['La', 1],
  ['Thái', 2],
  ['Lưu', 2],
  ['Kiều', 1],
]

const middleNames: Record<Sex, readonly (readonly [string, number])[]> = {
  MALE: [
    ['Văn', 40],
    ['Minh', 12],
    ['Hữu', 8],
    ['Đức', 8],
    ['Quốc', 7],
    ['Thanh', 6],
    ['Công', 5],
    ['Hoàng', 5],
    ['Gia', 4],
    ['Tấn', 4],
    ['Ngọc', 3],
    ['Anh', 3],
  ],
  FEMALE: [
    ['Thị', 45],
    ['Ngọc', 12],
    ['Thanh', 7],
    ['Thu', 6],
    ['Kim', 6],
    ['Mỹ', 5],
    ['Hồng', 4],
    ['Bảo', 4],
    ['Phương', 4],
    ['Thùy', 4],
    ['Minh', 3],
  ],
}

// Given names are one syllable each, so a space-separated list reads best.
const givenNames: Record<Sex, readonly string[]> = {
  MALE: (
    'An Anh Bảo Bình Cường Danh Dũng Duy Đạt Định Hải Hậu Hiếu Hòa Hoàng Hùng Huy ' +
    'Khang Khánh Khoa Kiên Lâm Lộc Long Luân Minh Nam Nghĩa Nhân Phát Phong Phúc ' +
    'Phước Quang Quân Sang Sơn Tài Tâm Tân Thắng Thành Thiện Thịnh Toàn Trí Trọng ' +
    'Trung Tuấn Tùng Vinh Việt Vũ Xuân'
  ).split(' '),
  FEMALE: (
    'An Anh Châu Chi Diễm Dung Duyên Giang Hà Hạnh Hằng Hiền Hoa Hồng Hương Huyền Lan ' +
    'Liên Linh Loan Mai My Nga Ngân Ngọc Nhi Nhung Như Oanh Phượng Phương Quyên Tâm ' +
    'Thảo Thanh Thu Thủy Trang Trâm Trinh Tuyết Uyên Vân Vy Xuân Yến'
  ).split(' '),
}

export function familyName(random: Random): string {
  return random.weighted(familyNames)
}

/** A full name, family name first; `family` keeps a child's or a sibling's family name. */
export function fullName(random: Random, sex: Sex, family = familyName(random)): string {
  const middle = random.weighted(middleNames[sex])
  const given = random.pick(givenNames[sex])
  // One person in ten carries a second middle name (Nguyễn Thị Ngọc Anh), common in the south.
  if (random.chance(0.1)) {
    const second = random.weighted(middleNames[sex])
    if (second !== middle) return `${family} ${middle} ${second} ${given}`
  }
  return `${family} ${middle} ${given}`
}

/** The area a person lives in, which shapes where their birth was registered. */
export type Region = 'HO_CHI_MINH_CITY' | 'BINH_DUONG' | 'BA_RIA_VUNG_TAU'

export function regionOfWard(wardCode: string): Region {
  const code = Number(wardCode)
  if (code < 26000) return 'BINH_DUONG'
  if (code < 26734) return 'BA_RIA_VUNG_TAU'
  return 'HO_CHI_MINH_CITY'
}

// Where people living in the new city were born: mostly locally, many from the Mekong Delta and
// the central and northern provinces (codes of Circular 07/2016/TT-BCA).
const migrantBirthProvinces: readonly (readonly [string, number])[] = [
  ['080', 5],
  ['082', 5],
  ['083', 5],
  ['084', 3],
  ['086', 3],
  ['087', 4],
  ['089', 4],
  ['091', 3],
  ['092', 3],
  ['094', 3],
  ['095', 2],
  ['096', 3],
  ['072', 2],
  ['075', 3],
  ['070', 2],
  ['060', 2],
  ['052', 3],
  ['051', 3],
  ['049', 3],
  ['046', 2],
  ['040', 4],
  ['042', 2],
  ['038', 3],
  ['036', 2],
  ['034', 2],
  ['001', 2],
  ['066', 2],
  ['068', 1],
]

const localBirthProvinces: Record<Region, readonly (readonly [string, number])[]> = {
  HO_CHI_MINH_CITY: [
    ['079', 66],
    ['074', 2],
    ['077', 2],
  ],
  BINH_DUONG: [
    ['074', 50],
    ['079', 12],
    ['077', 1],
  ],
  BA_RIA_VUNG_TAU: [
    ['077', 58],
    ['079', 10],
    ['074', 1],
  ],
}

export function birthProvince(random: Random, region: Region): string {
  const local = localBirthProvinces[region]
  const localShare = local.reduce((sum, [, weight]) => sum + weight, 0) / 100
  return random.chance(localShare) ? random.weighted(local) : random.weighted(migrantBirthProvinces)
}

/** A date of birth for someone aged `minAge`–`maxAge` on `on` (YYYY-MM-DD). */
export function dateOfBirth(random: Random, on: string, minAge: number, maxAge: number): string {
  const reference = Date.parse(`${on}T00:00:00Z`)
  const youngest = reference - minAge * 365.25 * 86_400_000
  const oldest = reference - (maxAge + 1) * 365.25 * 86_400_000 + 86_400_000
  const day = Math.floor((oldest + random.next() * (youngest - oldest)) / 86_400_000)
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

/**
 * A citizen id that agrees with the date of birth and sex, different from every id in `taken`
 * (which it joins). Six random digits per year, sex and province leave room for millions.
 */
export function citizenId(
  random: Random,
  taken: Set<string>,
  holder: { provinceCode: string; dateOfBirth: string; sex: Sex },
): string {
  for (;;) {
    const id = buildCitizenId({ ...holder, serial: random.int(0, 999_999) })
    if (!taken.has(id)) {
      taken.add(id)
      return id
    }
  }
}

// Mobile prefixes by carrier share (docs/domain/vn-insurance.md §3): Viettel, VinaPhone, MobiFone,
// Vietnamobile, Gmobile. Portability means a prefix says nothing about today's carrier; it only has to
// be real.
const mobilePrefixes: readonly (readonly [string, number])[] = [
  ...['86', '96', '97', '98', '32', '33', '34', '35', '36', '37', '38', '39'].map(
    (p) => [p, 45 / 12] as const,
  ),
  ...['88', '91', '94', '81', '82', '83', '84', '85'].map((p) => [p, 25 / 8] as const),
  ...['89', '90', '93', '70', '76', '77', '78', '79'].map((p) => [p, 25 / 8] as const),
  ...['92', '56', '58'].map((p) => [p, 3 / 3] as const),
  ...['99', '59'].map((p) => [p, 2 / 2] as const),
]

/** A Vietnamese mobile number in E.164 form, '+84' and 9 digits. */
export function mobilePhone(random: Random): string {
  return `+84${random.weighted(mobilePrefixes)}${random.digits(7)}`
}

const cityStreets = [
  'Nguyễn Trãi',
  'Lê Văn Sỹ',
  'Cách Mạng Tháng Tám',
  'Phan Văn Trị',
  'Quang Trung',
  'Lê Đức Thọ',
  'Huỳnh Tấn Phát',
  'Kinh Dương Vương',
  'Nguyễn Văn Linh',
  'Âu Cơ',
  'Lũy Bán Bích',
  'Hậu Giang',
  'Nguyễn Thị Thập',
  'Phạm Văn Đồng',
  'Xô Viết Nghệ Tĩnh',
  'Bạch Đằng',
  'Nơ Trang Long',
  'Trường Chinh',
  'Cộng Hòa',
  'Lạc Long Quân',
  'Ba Tháng Hai',
  'Lý Thường Kiệt',
  'Hồng Bàng',
  'Tỉnh Lộ 10',
  'Tên Lửa',
  'Võ Văn Ngân',
  'Kha Vạn Cân',
  'Đỗ Xuân Hợp',
  'Lê Văn Việt',
  'Nguyễn Duy Trinh',
  'Nguyễn Ảnh Thủ',
  'Lê Văn Khương',
  'Tô Ký',
  'Nguyễn Văn Quá',
  'Phạm Thế Hiển',
  'Dương Bá Trạc',
  'Bùi Minh Trực',
  'Trần Xuân Soạn',
  'Nguyễn Hữu Thọ',
  'Lê Văn Lương',
  'Hoàng Văn Thụ',
  'Phan Đăng Lưu',
]
const binhDuongStreets = [
  'Đại lộ Bình Dương',
  'Yersin',
  'Phú Lợi',
  'Cách Mạng Tháng Tám',
  'Nguyễn Văn Tiết',
  'Thích Quảng Đức',
  'Huỳnh Văn Lũy',
  'Mỹ Phước – Tân Vạn',
  'Lê Hồng Phong',
  'Nguyễn An Ninh',
  'ĐT743',
  'Trần Hưng Đạo',
]
const baRiaVungTauStreets = [
  'Lê Hồng Phong',
  'Ba Cu',
  'Trương Công Định',
  'Nguyễn An Ninh',
  'Bình Giã',
  'Võ Thị Sáu',
  'Nguyễn Hữu Cảnh',
  'Lê Lợi',
  'Hùng Vương',
  'Cách Mạng Tháng Tám',
  'Quốc lộ 55',
  'Độc Lập',
]

function houseNumber(random: Random): string {
  const main = random.int(1, 480)
  if (random.chance(0.45))
    return `${main}/${random.int(1, 60)}${random.chance(0.25) ? `/${random.int(1, 20)}` : ''}`
  return String(main)
}

/** A street address in `ward`: a house on a street in a ward, a hamlet (ấp) in a commune. */
export function address(random: Random, ward: Ward): string {
  if (ward.type === 'SPECIAL_ZONE') return `Khu dân cư số ${random.int(1, 10)}, ${ward.fullName}`
  if (ward.type === 'COMMUNE') return `Tổ ${random.int(1, 25)}, ấp ${random.int(1, 12)}, ${ward.fullName}`
  const region = regionOfWard(ward.code)
  const streets =
    region === 'BINH_DUONG'
      ? binhDuongStreets
      : region === 'BA_RIA_VUNG_TAU'
        ? baRiaVungTauStreets
        : cityStreets
  return `${houseNumber(random)} ${random.pick(streets)}, ${ward.fullName}`
}
