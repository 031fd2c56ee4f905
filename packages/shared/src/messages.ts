// Vietnamese and English text for every issue code. Placeholders in braces ({floor}) are filled
// from the issue's params; money params are formatted as đồng by describeIssue.

import { formatDong } from './format.ts'
import { type LabelledEnum, labelOf } from './labels.ts'

export const locales = ['vi', 'en'] as const
export type Locale = (typeof locales)[number]

export type LocalizedText = { readonly vi: string; readonly en: string }

export const messages = {
  DATE_INVALID: {
    vi: 'Ngày không hợp lệ (cần dạng YYYY-MM-DD).',
    en: 'Invalid date (expected YYYY-MM-DD).',
  },
  CITIZEN_ID_FORMAT: {
    vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
    en: 'A personal identification number has exactly 12 digits.',
  },
  CITIZEN_ID_PROVINCE: {
    vi: 'Mã tỉnh nơi đăng ký khai sinh {provinceCode} không có trong danh mục 63 tỉnh, thành phố.',
    en: 'Birth-registration province code {provinceCode} is not one of the 63 province codes.',
  },
  CITIZEN_ID_CENTURY_SEX_MISMATCH: {
    vi: 'Chữ số thứ 4 ({digit}) không khớp với thế kỷ sinh và giới tính (cần {expected}).',
    en: 'The 4th digit ({digit}) does not match the century of birth and sex (expected {expected}).',
  },
  CITIZEN_ID_BIRTH_YEAR_MISMATCH: {
    vi: 'Chữ số thứ 5–6 ({digits}) không khớp với năm sinh {birthYear}.',
    en: 'Digits 5–6 ({digits}) do not match the birth year {birthYear}.',
  },
  LEGACY_SOCIAL_INSURANCE_CODE_FORMAT: {
    vi: 'Mã số BHXH cũ phải gồm đúng 10 chữ số.',
    en: 'A legacy social-insurance code has exactly 10 digits.',
  },
  PHONE_FORMAT: {
    vi: 'Số điện thoại di động phải có 10 chữ số (bắt đầu bằng 0, 84 hoặc +84).',
    en: 'A mobile number has 10 digits (starting 0, 84 or +84).',
  },
  PHONE_PREFIX: {
    vi: 'Đầu số {prefix} không phải đầu số di động Việt Nam.',
    en: 'Prefix {prefix} is not a Vietnamese mobile prefix.',
  },
  PRODUCT_UNKNOWN: {
    vi: 'Loại hình bảo hiểm không hợp lệ.',
    en: 'Unknown insurance product.',
  },
  SUPPORT_GROUP_UNKNOWN: {
    vi: 'Nhóm hỗ trợ "{value}" không hợp lệ.',
    en: 'Unknown support group "{value}".',
  },
  JURISDICTION_INVALID: {
    vi: 'Địa bàn phải là "VN" hoặc mã tỉnh 2 chữ số.',
    en: 'Jurisdiction must be "VN" or a 2-digit province code.',
  },
  MONTHS_INVALID: {
    vi: 'Số tháng đóng phải là số nguyên dương.',
    en: 'The number of months must be a positive whole number.',
  },
  PAYMENT_PERIOD_NOT_ALLOWED: {
    vi: 'Không được đóng {months} tháng; các kỳ được phép: {allowed} tháng.',
    en: 'Paying for {months} months is not allowed; allowed periods: {allowed} months.',
  },
  INCOME_REQUIRED: {
    vi: 'Cần nhập mức thu nhập làm căn cứ đóng.',
    en: 'The monthly income to contribute on is required.',
  },
  INCOME_INVALID: {
    vi: 'Mức thu nhập phải là số đồng nguyên.',
    en: 'The monthly income must be a whole number of đồng.',
  },
  INCOME_BELOW_FLOOR: {
    vi: 'Mức thu nhập thấp hơn mức tối thiểu {floor} (chuẩn hộ nghèo khu vực nông thôn).',
    en: 'The income is below the minimum of {floor} (the rural poverty line).',
  },
  INCOME_ABOVE_CAP: {
    vi: 'Mức thu nhập cao hơn mức tối đa {cap} ({multiple} lần mức tham chiếu).',
    en: 'The income is above the maximum of {cap} ({multiple} times the reference level).',
  },
  INCOME_NOT_ON_STEP: {
    vi: 'Mức thu nhập phải bằng {floor} cộng bội số của {step}; gần nhất: {below} hoặc {above}.',
    en: 'The income must be {floor} plus a multiple of {step}; nearest: {below} or {above}.',
  },
  SUPPORTED_MONTHS_USED_INVALID: {
    vi: 'Số tháng đã được hỗ trợ phải là số nguyên không âm.',
    en: 'Months of support already received must be a whole number, zero or more.',
  },
  HOUSEHOLD_EMPTY: {
    vi: 'Hộ gia đình không có thành viên nào cần tham gia BHYT.',
    en: 'The household has no member to insure.',
  },
  HOUSEHOLD_SIZE_INVALID: {
    vi: 'Số thành viên hộ gia đình phải là số nguyên dương.',
    en: 'The number of household members must be a positive whole number.',
  },
  HOUSEHOLD_HEAD_MISSING: {
    vi: 'Hộ gia đình phải có một chủ hộ.',
    en: 'A household needs a head.',
  },
  HOUSEHOLD_HEAD_MULTIPLE: {
    vi: 'Hộ gia đình chỉ có một chủ hộ.',
    en: 'A household has only one head.',
  },
  PARAMETER_MISSING: {
    vi: 'Chưa có tham số {key}{qualifierText} áp dụng ngày {on}.',
    en: 'No {key}{qualifierText} parameter is in force on {on}.',
  },
  PARAMETER_OVERLAP: {
    vi: 'Tham số {key}{qualifierText} ({jurisdiction}) có hai giai đoạn hiệu lực chồng nhau từ {on}.',
    en: 'Parameter {key}{qualifierText} ({jurisdiction}) has two overlapping periods from {on}.',
  },
  PARAMETER_PERIOD_INVALID: {
    vi: 'Ngày hết hiệu lực phải sau hoặc bằng ngày bắt đầu hiệu lực.',
    en: 'The end date must be on or after the start date.',
  },
  ENROLLMENT_STATUS_UNKNOWN: {
    vi: 'Trạng thái hồ sơ không hợp lệ.',
    en: 'Unknown enrollment status.',
  },
  ENROLLMENT_ACTION_UNKNOWN: {
    vi: 'Thao tác không hợp lệ.',
    en: 'Unknown enrollment action.',
  },
  TRANSITION_NOT_ALLOWED: {
    vi: 'Không thể "{action}" hồ sơ đang ở trạng thái "{from}".',
    en: 'Cannot "{action}" an enrollment that is "{from}".',
  },
  TRANSITION_ROLE_FORBIDDEN: {
    vi: 'Vai trò "{role}" không được phép "{action}" hồ sơ ở trạng thái "{from}".',
    en: 'The "{role}" role may not "{action}" an enrollment that is "{from}".',
  },
  TRANSITION_REASON_REQUIRED: {
    vi: 'Cần ghi lý do.',
    en: 'A reason is required.',
  },
  TARGET_COUNT_INVALID: {
    vi: 'Chỉ tiêu phải là số nguyên không âm.',
    en: 'A target is a whole number, zero or more.',
  },
  TARGET_CENTER_NOT_PARTICIPANT: {
    vi: 'Đơn vị này không tham gia chiến dịch.',
    en: 'This center does not take part in the campaign.',
  },
  TARGET_DUE_DATE_OUTSIDE_CAMPAIGN: {
    vi: 'Ngày mốc phải trong thời gian chiến dịch ({startDate} – {endDate}).',
    en: "A milestone's date must fall within the campaign ({startDate} – {endDate}).",
  },
  TARGET_DUPLICATE: {
    vi: 'Trùng với dòng {row} (cùng loại hình, đơn vị và ngày mốc).',
    en: 'Repeats row {row} (same product, center and due date).',
  },
  TARGET_CENTERS_EXCEED_CAMPAIGN: {
    vi: 'Tổng chỉ tiêu các đơn vị cho {product} (dòng {rows}) là {sum}, vượt chỉ tiêu toàn chiến dịch {target} (dòng {row}).',
    en: "The centers' targets for {product} (rows {rows}) add up to {sum}, more than the campaign-wide {target} (row {row}).",
  },
  INVALID_USERNAME: {
    vi: 'Tên đăng nhập gồm 3 đến 50 chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.',
    en: 'A username has 3 to 50 lower-case letters, digits, dots, dashes or underscores.',
  },
  PASSWORD_TOO_SHORT: {
    vi: 'Mật khẩu phải có từ {min} đến {max} ký tự.',
    en: 'A password has {min} to {max} characters.',
  },
  PASSWORD_UNCHANGED: {
    vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    en: 'The new password must differ from the current one.',
  },
  INVALID_CREDENTIALS: {
    vi: '{credentials} không đúng.',
    en: '{credentials}.',
  },
  INVALID_LENGTH: {
    vi: '{field} phải có từ {min} đến {max} ký tự.',
    en: '{field} has {min} to {max} characters.',
  },
  OWN_ROLE: {
    vi: 'Bạn không thể đổi vai trò của chính mình.',
    en: 'You cannot change your own role.',
  },
  OWN_ACCOUNT: {
    vi: 'Bạn không thể tự khóa tài khoản của mình.',
    en: 'You cannot deactivate yourself.',
  },
  CENTER_REQUIRED: {
    vi: 'Quản lý đơn vị và nhân viên phải thuộc một đơn vị.',
    en: 'A center manager or an agent needs a center.',
  },
} as const satisfies Record<string, LocalizedText>

/** Words an issue's text takes as a param where no enum label fits, e.g. a target for every product. */
export const phrases = {
  ALL_PRODUCTS: { vi: 'mọi loại hình', en: 'all products' },
  DISPLAY_NAME: { vi: 'Tên hiển thị', en: 'A display name' },
  API_TOKEN_NAME: { vi: 'Tên mã API', en: 'A token name' },
  // INVALID_CREDENTIALS reads differently in English for logging in and for changing a password.
  LOGIN_CREDENTIALS: { vi: 'Tên đăng nhập hoặc mật khẩu', en: 'Wrong username or password' },
  CURRENT_PASSWORD: { vi: 'Mật khẩu hiện tại', en: 'The current password is wrong' },
} as const satisfies Record<string, LocalizedText>

export type Phrase = keyof typeof phrases

export type IssueCode = keyof typeof messages

/** A param: text, a number, an amount of đồng, an enum value shown by its label, or a phrase. */
export type IssueParam =
  | string
  | number
  | { readonly dong: number }
  | { readonly label: LabelledEnum; readonly value: string }
  | { readonly phrase: Phrase }

/**
 * A problem with an input, placed at a field (`path`, e.g. 'monthlyIncome' or 'supportGroups.1'),
 * with text in both languages so the API can return it and the console can show it as is.
 */
export type Issue = {
  readonly path: string
  readonly code: IssueCode
  readonly message: LocalizedText
  readonly params?: Readonly<Record<string, IssueParam>>
}

export type Failure = { readonly ok: false; readonly issues: readonly Issue[] }

const intlLocale: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' }

function renderParam(value: IssueParam, locale: Locale): string {
  if (typeof value !== 'object') return String(value)
  if ('dong' in value) return formatDong(value.dong, intlLocale[locale])
  if ('phrase' in value) return phrases[value.phrase][locale]
  return labelOf(value.label, value.value, locale)
}

function render(template: string, params: Readonly<Record<string, IssueParam>>, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : renderParam(value, locale)
  })
}

/** Builds an issue with its text in both languages. Money params are `{ dong: n }`,
 * enum values `{ label: 'EnrollmentStatus', value: 'PAID' }`, phrases `{ phrase: 'ALL_PRODUCTS' }`. */
export function issue(
  path: string,
  code: IssueCode,
  params: Readonly<Record<string, IssueParam>> = {},
): Issue {
  const text = messages[code]
  return {
    path,
    code,
    message: { vi: render(text.vi, params, 'vi'), en: render(text.en, params, 'en') },
    ...(Object.keys(params).length > 0 ? { params } : {}),
  }
}

/** The issue's text in one language, rendered again from its code so the catalogue is the single source. */
export function describeIssue(problem: Pick<Issue, 'code' | 'params'>, locale: Locale): string {
  return render(messages[problem.code][locale], problem.params ?? {}, locale)
}

export function failure(issues: readonly Issue[]): Failure {
  return { ok: false, issues }
}
