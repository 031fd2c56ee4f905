// Vietnamese and English text for every issue code. Placeholders in braces ({floor}) are filled
// from the issue's params; money params are formatted as đồng and date params as day/month/year by
// describeIssue.

import type { IsoDate } from './calendar.ts'
import { formatDate, formatDong } from './format.ts'
import { type LabelledEnum, labelOf } from './labels.ts'

export const locales = ['vi', 'en'] as const
export type Locale = (typeof locales)[number]

export type LocalizedText = { readonly vi: string; readonly en: string }

export const messages = {
  FIELD_REQUIRED: {
    vi: 'Bắt buộc nhập.',
    en: 'Required.',
  },
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
  IDENTITY_CARD_NUMBER_OBSOLETE: {
    vi: 'Đây là số chứng minh nhân dân 9 chữ số cũ: hãy nhập số định danh cá nhân 12 chữ số in trên thẻ căn cước.',
    en: 'This is an old 9-digit identity card number: enter the 12-digit personal identification number printed on the identity card.',
  },
  SOCIAL_INSURANCE_NUMBER_FORMAT: {
    vi: 'Mã số BHXH gồm 10 chữ số; từ năm 2025 số định danh cá nhân 12 chữ số được dùng thay mã số BHXH.',
    en: 'A social-insurance number has 10 digits; since 2025 the 12-digit personal identification number serves as one.',
  },
  LEGACY_SOCIAL_INSURANCE_CODE_FORMAT: {
    vi: 'Mã số BHXH cũ phải gồm đúng 10 chữ số.',
    en: 'A legacy social-insurance code has exactly 10 digits.',
  },
  PHONE_FORMAT: {
    vi: 'Số điện thoại di động phải có 10 chữ số (bắt đầu bằng 0, 84, +84 hoặc 0084).',
    en: 'A mobile number has 10 digits (starting 0, 84, +84 or 0084).',
  },
  PHONE_ELEVEN_DIGITS: {
    vi: 'Số 11 chữ số đã chuyển sang 10 chữ số từ năm 2018: đầu số {oldPrefix} nay là {newPrefix}, tức số {converted}.',
    en: 'Eleven-digit numbers became ten-digit numbers in 2018: prefix {oldPrefix} is now {newPrefix}, so the number is {converted}.',
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
  VSI_PAYMENT_AHEAD_NOT_QUOTED: {
    vi: 'Đóng {months} tháng là đóng trước nhiều năm, được giảm trừ theo luật; chưa có nguồn nào nêu cách tính mức giảm nên chỉ tính được kỳ đóng tối đa {limit} tháng.',
    en: 'Paying {months} months is paying years ahead, which the law discounts; no source gives the discount, so periods of at most {limit} months can be quoted.',
  },
  VSI_PAYMENT_AHEAD_BEYOND_LIMIT: {
    vi: 'Không được đóng trước {months} tháng: chỉ được đóng trước tối đa {maxAhead} tháng.',
    en: 'Paying {months} months ahead is not allowed: at most {maxAhead} months may be paid ahead.',
  },
  RANKED_BEFORE_INVALID: {
    vi: 'Số thành viên hộ đã tham gia trước phải là số nguyên không âm.',
    en: 'The members already insured with the household must be a whole number, zero or more.',
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
  PASSWORD_PUBLISHED: {
    vi: 'Mật khẩu này đã được công bố (mật khẩu phát triển); hãy chọn mật khẩu khác.',
    en: 'This password is published (a development password); choose another.',
  },
  INVALID_CREDENTIALS: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
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
  SAVED_FILTER_INVALID: {
    vi: 'Bộ lọc phải là một đối tượng JSON dài tối đa {max} ký tự.',
    en: 'A filter is a JSON object of at most {max} characters.',
  },
  IN_THE_PAST: {
    vi: 'Thời điểm hết hạn phải ở tương lai.',
    en: 'The expiry must be in the future.',
  },
  EXPIRY_TOO_FAR: {
    vi: 'Mã API dùng được tối đa {days} ngày kể từ khi tạo.',
    en: 'An API token lasts at most {days} days from its creation.',
  },
  SCOPE_NOT_ALLOWED: {
    vi: 'Người xem chỉ tạo được mã API chỉ đọc (READ).',
    en: 'A viewer can only create READ tokens.',
  },
  NAME_REQUIRED: {
    vi: 'Tên không được để trống và dài tối đa 200 ký tự.',
    en: 'A name is required, at most 200 characters.',
  },
  CODE_FORMAT: {
    vi: 'Mã gồm 1–40 chữ cái, chữ số, ".", "_" hoặc "-", bắt đầu bằng chữ cái hoặc chữ số.',
    en: 'A code is 1–40 letters, digits, ".", "_" or "-", starting with a letter or digit.',
  },
  WARD_UNKNOWN: {
    vi: 'Không có phường, xã nào mang mã {wardCode}.',
    en: 'No ward has the code {wardCode}.',
  },
  CENTER_UNKNOWN: {
    vi: 'Không tìm thấy đơn vị này.',
    en: 'This center does not exist.',
  },
  CENTER_MOVE_CYCLE: {
    vi: 'Không thể chuyển một đơn vị vào bên dưới chính nó.',
    en: 'A center cannot move below itself or one of its descendants.',
  },
  CENTER_NOT_IN_CAMPAIGN: {
    vi: 'Đơn vị này không tham gia chiến dịch.',
    en: 'This center does not take part in the campaign.',
  },
  CAMPAIGN_PERIOD_INVALID: {
    vi: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.',
    en: 'The last day must be on or after the first.',
  },
  TIME_ZONE_UNKNOWN: {
    vi: '“{timeZone}” không phải múi giờ IANA (ví dụ Asia/Ho_Chi_Minh).',
    en: '“{timeZone}” is not an IANA time zone (e.g. Asia/Ho_Chi_Minh).',
  },
  COUNTED_STATUSES_INVALID: {
    vi: 'Cần ít nhất một trạng thái, và không tính hồ sơ bị từ chối hay đã hủy.',
    en: 'At least one status is needed, and rejected or cancelled enrollments never count.',
  },
  CAMPAIGN_PERIOD_EXCLUDES_CONTENTS: {
    vi: 'Thời gian mới không còn bao gồm mọi ngày mốc và buổi tuyên truyền của chiến dịch.',
    en: 'The new period no longer holds all of the campaign’s milestones and outreach sessions.',
  },
  CAMPAIGN_NOT_ACTIVE: {
    vi: 'Chiến dịch không đang diễn ra.',
    en: 'The campaign is not active.',
  },
  TITLE_REQUIRED: {
    vi: 'Tên buổi không được để trống và dài tối đa 200 ký tự.',
    en: 'A title is required, at most 200 characters.',
  },
  SESSION_ENDS_BEFORE_START: {
    vi: 'Giờ kết thúc phải sau giờ bắt đầu.',
    en: 'A session ends after it starts.',
  },
  SESSION_OUTSIDE_CAMPAIGN: {
    vi: 'Buổi phải diễn ra trong thời gian chiến dịch ({first} – {last}, giờ {timeZone}).',
    en: 'A session takes place within the campaign ({first} – {last}, {timeZone} time).',
  },
  ATTENDANCE_INVALID: {
    vi: 'Số người tham dự phải là số nguyên không âm.',
    en: 'Attendance is a whole number, zero or more.',
  },
  STAFF_UNKNOWN: {
    vi: 'Không tìm thấy người dùng này trong các đơn vị bạn được xem.',
    en: 'No such active user at a center you may read.',
  },
  SESSION_NOT_DONE: {
    vi: 'Chỉ ghi số người tham dự khi buổi đã diễn ra.',
    en: 'Attendance is recorded once the session is done.',
  },
  SESSION_NOT_IN_CAMPAIGN: {
    vi: 'Buổi tuyên truyền không thuộc chiến dịch này.',
    en: 'The outreach session belongs to another campaign.',
  },
  PARAMETER_VALUE_INVALID: {
    vi: 'Giá trị phải là số nguyên không âm.',
    en: 'The value must be a whole number, zero or more.',
  },
  DATE_OF_BIRTH_FUTURE: {
    vi: 'Ngày sinh không thể sau hôm nay.',
    en: 'The date of birth cannot be after today.',
  },
  // One text whatever differs, naming nothing stored: the person may be another center's to read.
  PERSON_IDENTITY_MISMATCH: {
    vi: 'Số định danh này đã có hồ sơ với họ tên, ngày sinh hoặc giới tính khác. Hãy đối chiếu lại với thẻ căn cước.',
    en: 'This citizen ID is on file with a different name, date of birth or sex. Check the details against the identity card.',
  },
  HOUSEHOLD_MEMBER_DUPLICATE: {
    vi: 'Thành viên này đã có trong danh sách hộ.',
    en: 'This member is already listed in the household.',
  },
  HOUSEHOLD_MEMBER_MISSING: {
    vi: 'Người đăng ký phải có trong danh sách thành viên hộ.',
    en: 'The person enrolled must be one of the household members.',
  },
  HOUSEHOLD_MEMBER_INSURED_ELSEWHERE: {
    vi: 'Người đã có bảo hiểm y tế theo nhóm khác không đăng ký theo hộ.',
    en: 'A member insured through another group is not enrolled with the household.',
  },
  HOUSEHOLD_MEMBER_UNDER_SIX: {
    vi: '{fullName} chưa đủ 6 tuổi nên được ngân sách nhà nước đóng BHYT, không tham gia theo hộ gia đình: đánh dấu là đã có BHYT theo nhóm khác.',
    en: '{fullName} is under 6, so the state insures them, not the household: mark them as insured through another group.',
  },
  VOLUNTARY_SOCIAL_INSURANCE_TOO_YOUNG: {
    vi: '{fullName} chưa đủ {minimumAge} tuổi vào ngày {on}: BHXH tự nguyện dành cho công dân từ đủ {minimumAge} tuổi.',
    en: '{fullName} is not yet {minimumAge} on {on}: voluntary social insurance is for citizens from {minimumAge} years of age.',
  },
  PERSON_ALREADY_ENROLLED: {
    vi: 'Người này đã có hồ sơ đang hiệu lực cho loại hình này trong chiến dịch.',
    en: 'This person already has a live enrollment for this product in the campaign.',
  },
  HOUSEHOLD_MEMBERS_ALREADY_ENROLLED: {
    vi: 'Đã có hồ sơ đang hiệu lực cho loại hình này trong chiến dịch: {names}.',
    en: 'Already holding a live enrollment for this product in the campaign: {names}.',
  },
  HOUSEHOLD_NOT_ENROLLED: {
    vi: 'Hộ gia đình này không có thành viên nào đang tham gia tại đơn vị trong chiến dịch cho đến ngày {on}.',
    en: 'No member of this household is enrolled at the center in the campaign up to {on}.',
  },
  HOUSEHOLD_CODE_FORMAT: {
    vi: 'Mã hộ gia đình gồm chữ và số (có thể ngăn bởi - . / _ hoặc một dấu cách), tối đa {max} ký tự.',
    en: 'A household code is letters and digits (which - . / _ or a space may separate), at most {max} characters.',
  },
  HOUSEHOLD_NOT_FOR_PRODUCT: {
    vi: 'Chỉ bảo hiểm y tế hộ gia đình mới khai thành viên hộ.',
    en: 'Household members are only for household health insurance.',
  },
  SEX_INVALID: {
    vi: 'Giới tính ghi “Nam” hoặc “Nữ”.',
    en: 'Sex is written “Nam” (male) or “Nữ” (female).',
  },
  CITIZEN_ID_LEADING_ZERO_RESTORED: {
    vi: 'Số định danh bị mất số 0 ở đầu (ô được định dạng kiểu số) và đã được thêm lại: hãy kiểm tra.',
    en: 'The personal ID had lost its leading zero (a number-formatted cell) and got it back: check it.',
  },
  IMPORT_DUPLICATE_IN_FILE: {
    vi: 'Người này đã có ở dòng {line} của tệp.',
    en: 'This person is already on line {line} of the file.',
  },
  IMPORT_HOUSEHOLD_INCOMPLETE: {
    vi: 'Hộ gia đình này chưa nhập được vì dòng {lines} có lỗi.',
    en: 'This household cannot go in until line(s) {lines} are fixed.',
  },
  IMPORT_COLUMNS_COUNT: {
    vi: 'Tệp có {count} cột: hãy chọn trường cho đúng từng ấy cột.',
    en: 'The file has {count} columns: give a field (or none) for each of them.',
  },
  IMPORT_COLUMN_TWICE: {
    vi: 'Trường này đã được chọn cho một cột khác.',
    en: 'This field is already chosen for another column.',
  },
  SELECTION_EMPTY: {
    vi: 'Chưa chọn hồ sơ nào.',
    en: 'No enrollment is selected.',
  },
  SELECTION_TOO_LARGE: {
    vi: 'Mỗi lần chỉ thao tác được tối đa {max} hồ sơ.',
    en: 'At most {max} enrollments can be changed at once.',
  },
  SELECTION_ACTION_IS_PAYMENT: {
    vi: 'Ghi nhận thanh toán cần số tiền và biên lai: dùng chức năng ghi nhận thanh toán.',
    en: 'Recording a payment needs its amount and receipt: use recordPayment.',
  },
  PAYMENT_AMOUNT_INVALID: {
    vi: 'Số tiền nhận phải là số đồng nguyên dương.',
    en: 'The amount received must be a positive whole number of đồng.',
  },
  PAYMENT_NEXT_PERIOD_IN_FULL: {
    vi: 'Đóng cho kỳ tiếp theo phải đóng đủ số tiền của cả kỳ, không ghi nhận đóng một phần.',
    en: 'A payment for the next period is the whole period’s amount; it cannot be partial.',
  },
  PAYMENT_NOTHING_DUE: {
    vi: 'Các hồ sơ này không còn khoản nào phải đóng.',
    en: 'Nothing is due for these enrollments.',
  },
  PAYMENT_AMOUNT_ABOVE_DUE: {
    vi: 'Số tiền nhận {received} lớn hơn số phải đóng {due}.',
    en: 'The amount received, {received}, is more than the {due} due.',
  },
  PAYMENT_AMOUNT_BELOW_DUE: {
    vi: 'Số tiền nhận {received} ít hơn số phải đóng {due} (thiếu {shortfall}): thu đủ, hoặc ghi nhận là đóng một phần.',
    en: 'The amount received, {received}, is less than the {due} due ({shortfall} short): collect the rest, or record it as a partial payment.',
  },
  PAYMENT_DATE_FUTURE: {
    vi: 'Ngày đóng tiền không thể sau hôm nay ({today}).',
    en: 'The payment date cannot be after today ({today}).',
  },
  PAYMENT_ENROLLMENTS_ONE_WAY: {
    vi: 'Chọn các hồ sơ hoặc một lượt đăng ký, không cả hai.',
    en: 'Give either the enrollments or a registration, not both.',
  },
  PAYMENT_ENROLLMENTS_ONE_CENTER: {
    vi: 'Một khoản thu chỉ cho các hồ sơ của cùng một đơn vị.',
    en: 'One payment is for enrollments of one center.',
  },
  TEXT_UNREADABLE_CHARACTER: {
    vi: 'Không được chứa ký tự điều khiển hoặc ký tự đảo chiều văn bản.',
    en: 'Must not contain control characters or bidirectional-text controls.',
  },
  REGISTRATION_DATE_OUTSIDE_CAMPAIGN: {
    vi: 'Kỳ đóng phải bắt đầu trong thời gian chiến dịch, từ {first} đến {last}.',
    en: 'The period must begin within the campaign, from {first} to {last}.',
  },
  REGISTRATION_MARGIN_INVALID: {
    vi: 'Số ngày nới thêm phải là số nguyên từ 0 đến {max}.',
    en: 'The margin is a whole number of days from 0 to {max}.',
  },
  GLOBAL_ID_INVALID: {
    vi: 'Không phải mã ID hợp lệ của {typename}.',
    en: 'Not a valid id of a {typename}.',
  },
  ENROLLMENT_NOT_EDITABLE: {
    vi: 'Chỉ sửa được hồ sơ nháp hoặc đã nộp.',
    en: 'Only a draft or submitted enrollment can be changed.',
  },
  PROMISED_ON_REQUIRED: {
    vi: 'Cần ghi ngày người dân hẹn đóng tiền.',
    en: 'Give the day the person promised to pay.',
  },
  PROMISED_ON_ONLY_WITH_WILL_PAY: {
    vi: 'Chỉ ghi ngày hẹn đóng khi kết quả là “hẹn đóng”.',
    en: 'A promised day goes only with the outcome WILL_PAY.',
  },
  PROMISED_ON_PAST: {
    vi: 'Ngày hẹn đóng không được trước ngày liên hệ.',
    en: 'The promised day cannot be before the contact.',
  },
  FOLLOW_UP_IN_FUTURE: {
    vi: 'Chỉ ghi lần liên hệ đã diễn ra, không ghi trước.',
    en: 'A contact is recorded once it happened, not ahead.',
  },
  DECLINE_REASON_REQUIRED: {
    vi: 'Cần ghi lý do người dân từ chối.',
    en: 'Give the reason the person declined.',
  },
  ASSIGNEE_NOT_AGENT_OF_CENTER: {
    vi: 'Người được giao phải là nhân viên đang hoạt động của đơn vị quản lý mục này.',
    en: 'The assignee must be an active agent of this entry’s center.',
  },
  RENEWAL_NOT_COVERED: {
    vi: 'Chỉ gia hạn được hồ sơ đã đóng tiền và có thời hạn tham gia.',
    en: 'Only a paid enrollment with coverage on file can be renewed.',
  },
  REMINDER_TEXT_LENGTH: {
    vi: 'Nội dung nhắc phải có từ 1 đến {max} ký tự.',
    en: 'A reminder text has 1 to {max} characters.',
  },
  REMINDER_PLACEHOLDER_UNKNOWN: {
    vi: '{placeholder} không phải chỗ điền được; các chỗ điền: {allowed}.',
    en: '{placeholder} is not a placeholder; the placeholders are {allowed}.',
  },
  WORKLIST_CURSOR_INVALID: {
    vi: 'Con trỏ trang không hợp lệ: hãy tải lại danh sách.',
    en: 'Not a cursor of this list: load the list again.',
  },
  WORKLIST_DAYS_INVALID: {
    vi: 'Số ngày phải là số nguyên từ 0 đến {max}.',
    en: 'The number of days is a whole number from 0 to {max}.',
  },
} as const satisfies Record<string, LocalizedText>

/**
 * Where one code reads differently in one place (the password being changed, a person's full name),
 * the variant's text replaces the code's own; the code stays, so a client branches on it alone.
 */
export const messageVariants = {
  INVALID_CREDENTIALS: {
    currentPassword: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  },
  NAME_REQUIRED: {
    fullName: {
      vi: 'Cần nhập họ và tên, tối đa 100 ký tự.',
      en: 'The full name is required, at most 100 characters.',
    },
  },
  CENTER_UNKNOWN: {
    parent: { vi: 'Không tìm thấy đơn vị cấp trên.', en: 'The parent center does not exist.' },
  },
  CENTER_NOT_IN_CAMPAIGN: {
    inRole: {
      vi: 'Đơn vị này không có trong chiến dịch với vai trò đã chọn.',
      en: 'This center is not in the campaign in that role.',
    },
    enrollment: {
      vi: 'Đơn vị không tham gia chiến dịch này.',
      en: 'The center does not take part in this campaign.',
    },
  },
  IDENTITY_CARD_NUMBER_OBSOLETE: {
    socialInsuranceNumber: {
      vi: 'Đây là số chứng minh nhân dân 9 chữ số cũ: hãy nhập mã số BHXH 10 chữ số hoặc số định danh cá nhân 12 chữ số.',
      en: 'This is an old 9-digit identity card number: enter the 10-digit social-insurance number or the 12-digit personal identification number.',
    },
  },
  WARD_UNKNOWN: {
    person: { vi: 'Không có phường, xã mã {wardCode}.', en: 'There is no ward with code {wardCode}.' },
  },
} as const satisfies { readonly [Code in keyof typeof messages]?: Record<string, LocalizedText> }

type Variants = typeof messageVariants
export type MessageVariant<Code extends IssueCode> = Code extends keyof Variants
  ? keyof Variants[Code] & string
  : never

/** Words an issue's text takes as a param where no enum label fits, e.g. a target for every product. */
export const phrases = {
  ALL_PRODUCTS: { vi: 'mọi loại hình', en: 'all products' },
  DISPLAY_NAME: { vi: 'Tên hiển thị', en: 'A display name' },
  API_TOKEN_NAME: { vi: 'Tên mã API', en: 'A token name' },
  SAVED_FILTER_NAME: { vi: 'Tên bộ lọc', en: 'A filter name' },
  THIS_PERSON: { vi: 'Người này', en: 'This person' },
} as const satisfies Record<string, LocalizedText>

export type Phrase = keyof typeof phrases

export type IssueCode = keyof typeof messages

/** A param: text, a number, an amount of đồng, a calendar date, an enum value shown by its label, or a phrase. */
export type IssueParam =
  | string
  | number
  | { readonly dong: number }
  | { readonly date: IsoDate }
  | { readonly label: LabelledEnum; readonly value: string }
  | { readonly phrase: Phrase }

/** A person as an issue's text names them: by their name, or “this person” while none is typed yet. */
export function personNamed(fullName: string): IssueParam {
  return fullName.trim() === '' ? { phrase: 'THIS_PERSON' } : fullName
}

/**
 * A problem with an input, placed at a field (`path`, e.g. 'monthlyIncome' or 'supportGroups.1'),
 * with text in both languages so the API can return it and the console can show it as is.
 */
export type Issue = {
  readonly path: string
  readonly code: IssueCode
  readonly message: LocalizedText
  readonly params?: Readonly<Record<string, IssueParam>>
  /** Which of the code's texts (messageVariants), when not its own. */
  readonly variant?: string
}

export type Failure = { readonly ok: false; readonly issues: readonly Issue[] }

const intlLocale: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' }

function renderParam(value: IssueParam, locale: Locale): string {
  if (typeof value !== 'object') return String(value)
  if ('dong' in value) return formatDong(value.dong, intlLocale[locale])
  if ('date' in value) return formatDate(value.date, intlLocale[locale])
  if ('phrase' in value) return phrases[value.phrase][locale]
  return labelOf(value.label, value.value, locale)
}

function render(template: string, params: Readonly<Record<string, IssueParam>>, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : renderParam(value, locale)
  })
}

function textOf(code: IssueCode, variant: string | undefined): LocalizedText {
  const texts: Readonly<Record<string, LocalizedText>> | undefined = (
    messageVariants as { readonly [Code in IssueCode]?: Readonly<Record<string, LocalizedText>> }
  )[code]
  return (variant === undefined ? undefined : texts?.[variant]) ?? messages[code]
}

/** Builds an issue with its text in both languages. Money params are `{ dong: n }`, dates
 * `{ date: '2026-03-10' }`, enum values `{ label: 'EnrollmentStatus', value: 'PAID' }`, phrases `{ phrase: 'ALL_PRODUCTS' }`;
 * `variant` picks one of the code's messageVariants. */
export function issue<Code extends IssueCode>(
  path: string,
  code: Code,
  params: Readonly<Record<string, IssueParam>> = {},
  variant?: MessageVariant<Code>,
): Issue {
  const text = textOf(code, variant)
  return {
    path,
    code,
    message: { vi: render(text.vi, params, 'vi'), en: render(text.en, params, 'en') },
    ...(Object.keys(params).length > 0 ? { params } : {}),
    ...(variant === undefined ? {} : { variant }),
  }
}

/** The issue's text in one language, rendered again from its code so the catalogue is the single source. */
export function describeIssue(problem: Pick<Issue, 'code' | 'params' | 'variant'>, locale: Locale): string {
  return render(textOf(problem.code, problem.variant)[locale], problem.params ?? {}, locale)
}

export function failure(issues: readonly Issue[]): Failure {
  return { ok: false, issues }
}
