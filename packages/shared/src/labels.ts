// Display names of every enumeration value in Vietnamese and English, shared by the API (GraphQL enum
// descriptions, exports) and the console. Keyed by the Prisma enum name, so a label key is the value.

import type { CampaignPhase } from './campaign/phase.ts'
import type { EnrollmentAction } from './enrollment/lifecycle.ts'
import type { EnumName, enumValues } from './enums.ts'

type LabelSet = {
  readonly [Name in EnumName]: { readonly [Value in (typeof enumValues)[Name][number]]: string }
} & {
  readonly EnrollmentAction: { readonly [Value in EnrollmentAction]: string }
  readonly CampaignPhase: { readonly [Value in CampaignPhase]: string }
}

const vi: LabelSet = {
  Product: {
    VOLUNTARY_SOCIAL_INSURANCE: 'BHXH tự nguyện',
    HOUSEHOLD_HEALTH_INSURANCE: 'BHYT hộ gia đình',
  },
  SupportGroup: {
    POOR: 'Hộ nghèo',
    NEAR_POOR: 'Hộ cận nghèo',
    ETHNIC_MINORITY: 'Người dân tộc thiểu số',
    ISLAND_COMMUNE: 'Xã đảo, đặc khu',
    OTHER: 'Đối tượng khác',
    STUDENT: 'Học sinh, sinh viên',
    AGRICULTURAL_AVERAGE_INCOME: 'Hộ nông, lâm, ngư, diêm nghiệp có mức sống trung bình',
    CITY_POOR: 'Hộ nghèo theo chuẩn Thành phố',
    CITY_NEAR_POOR: 'Hộ cận nghèo theo chuẩn Thành phố',
    CITY_LEFT_POVERTY: 'Hộ thoát nghèo dưới 36 tháng',
    CITY_CHILD_6_TO_15: 'Trẻ em từ 6 đến dưới 16 tuổi',
    CITY_SENIOR_65_TO_75: 'Người từ 65 đến 75 tuổi',
  },
  EnrollmentStatus: {
    DRAFT: 'Nháp',
    SUBMITTED: 'Đã nộp hồ sơ',
    PAID: 'Đã đóng tiền',
    ACTIVE: 'Đã có hiệu lực',
    REJECTED: 'Bị từ chối',
    CANCELLED: 'Đã hủy',
  },
  Role: {
    ADMIN: 'Quản trị viên',
    CENTER_MANAGER: 'Quản lý đơn vị',
    AGENT: 'Nhân viên thu',
    VIEWER: 'Người xem',
  },
  ContributionParameterKey: {
    BASE_SALARY: 'Mức lương cơ sở',
    RURAL_POVERTY_LINE: 'Chuẩn hộ nghèo khu vực nông thôn',
    REFERENCE_LEVEL: 'Mức tham chiếu',
    VSI_RATE: 'Tỷ lệ đóng BHXH tự nguyện',
    VSI_INCOME_CAP_MULTIPLE: 'Hệ số mức thu nhập tối đa (lần mức tham chiếu)',
    VSI_INCOME_STEP: 'Bước tăng mức thu nhập',
    VSI_SUPPORT_RATE: 'Tỷ lệ Nhà nước hỗ trợ BHXH tự nguyện',
    VSI_SUPPORT_MAX_MONTHS: 'Số tháng hỗ trợ tối đa',
    VSI_LOCAL_TOP_UP: 'Tỷ lệ hỗ trợ thêm của địa phương',
    VSI_MAX_MONTHS_AHEAD: 'Số tháng đóng trước tối đa',
    HHI_RATE: 'Tỷ lệ đóng BHYT hộ gia đình',
    HHI_MEMBER_SHARE: 'Mức đóng của thành viên thứ 2 trở đi (so với người thứ nhất)',
    HHI_SUPPORT_RATE: 'Tỷ lệ hỗ trợ đóng BHYT',
    IMPLIED_SUPPORT_GROUP: 'Nhóm hỗ trợ được suy ra từ nhóm khác',
  },
  CampaignStatus: { DRAFT: 'Nháp', ACTIVE: 'Đang diễn ra', CLOSED: 'Đã kết thúc' },
  CampaignPhase: {
    DRAFT: 'Nháp',
    UPCOMING: 'Sắp diễn ra',
    RUNNING: 'Đang diễn ra',
    PERIOD_OVER: 'Đã hết thời gian, chưa đóng',
    CLOSED: 'Đã kết thúc',
  },
  CampaignCenterRole: { ORGANIZER: 'Đơn vị tổ chức', PARTICIPANT: 'Đơn vị tham gia' },
  SessionKind: {
    LAUNCH_CEREMONY: 'Lễ phát động',
    CONFERENCE: 'Hội nghị',
    CONSULTATION_GROUP: 'Tổ tư vấn lưu động',
    DOOR_TO_DOOR: 'Đến từng nhà',
    MARKET_STALL: 'Điểm tư vấn tại chợ',
    ONLINE: 'Trực tuyến',
  },
  VenueKind: {
    RESIDENTIAL_AREA: 'Khu dân cư',
    NEIGHBORHOOD: 'Tổ dân phố',
    MARKET: 'Chợ',
    POST_OFFICE: 'Bưu điện',
    SOCIAL_INSURANCE_OFFICE: 'Cơ quan BHXH',
    ROOMING_HOUSE: 'Nhà trọ',
    WORKPLACE: 'Nơi làm việc',
    ONLINE: 'Trực tuyến',
    OTHER: 'Khác',
  },
  SessionStatus: { PLANNED: 'Đã lên kế hoạch', DONE: 'Đã thực hiện', CANCELLED: 'Đã hủy' },
  AudienceGroup: {
    FREELANCER: 'Lao động tự do',
    SMALL_TRADER: 'Tiểu thương',
    LANDLORD: 'Chủ nhà trọ',
    FARMER: 'Nông dân',
    STUDENT: 'Học sinh, sinh viên',
    HOUSEHOLD_WORKER: 'Người giúp việc gia đình',
    RETIREE: 'Người nghỉ hưu',
    OTHER: 'Khác',
  },
  CenterKind: {
    CITY_POST_OFFICE: 'Bưu điện Thành phố',
    CENTRAL_POST_OFFICE: 'Bưu điện trung tâm',
    POST_OFFICE: 'Bưu cục',
    CITY_SOCIAL_INSURANCE: 'BHXH Thành phố',
    BASE_SOCIAL_INSURANCE_OFFICE: 'BHXH cơ sở',
    ONLINE_BRIDGE_POINT: 'Điểm cầu trực tuyến',
  },
  Organization: { VIETNAM_POST: 'Bưu điện Việt Nam', SOCIAL_INSURANCE: 'Bảo hiểm xã hội' },
  Sex: { MALE: 'Nam', FEMALE: 'Nữ' },
  WardType: { WARD: 'Phường', COMMUNE: 'Xã', SPECIAL_ZONE: 'Đặc khu' },
  ApiTokenScope: { READ: 'Chỉ đọc', READ_WRITE: 'Đọc và ghi' },
  SavedFilterList: {
    ENROLLMENTS: 'Hồ sơ đăng ký',
    OUTREACH_SESSIONS: 'Buổi tuyên truyền',
    USERS: 'Người dùng',
    API_TOKENS: 'Mã API',
    AUDIT_EVENTS: 'Nhật ký thay đổi',
  },
  PaymentChannel: {
    CASH_AT_POST_OFFICE: 'Tiền mặt tại bưu điện',
    BANK_TRANSFER: 'Chuyển khoản',
    QR_EWALLET: 'Mã QR, ví điện tử',
    OTHER: 'Hình thức khác',
  },
  PaymentSettlement: { FULL: 'Đóng đủ', PARTIAL: 'Đóng một phần' },
  Continuity: { NEW: 'Tham gia mới', CONTINUING: 'Tham gia tiếp' },
  CountDay: { PAYMENT_DAY: 'Ngày đóng tiền', REGISTRATION_DAY: 'Ngày đăng ký' },
  FollowUpMeans: {
    CALL: 'Gọi điện',
    VISIT: 'Đến nhà',
    MESSAGE: 'Nhắn tin',
    AT_SESSION: 'Tại buổi tuyên truyền',
  },
  FollowUpOutcome: {
    REACHED: 'Đã liên lạc được',
    NO_ANSWER: 'Không nghe máy',
    WILL_PAY: 'Hẹn đóng tiền',
    DECLINED: 'Từ chối',
    MOVED_AWAY: 'Đã chuyển đi',
    DECEASED: 'Đã mất',
    INSURED_ELSEWHERE: 'Đã tham gia ở nơi khác',
  },
  EnrollmentAction: {
    SUBMIT: 'Nộp hồ sơ',
    CONFIRM_PAYMENT: 'Xác nhận đã đóng tiền',
    ACTIVATE: 'Xác nhận có hiệu lực',
    REJECT: 'Từ chối',
    CANCEL: 'Hủy',
  },
}

const en: LabelSet = {
  Product: {
    VOLUNTARY_SOCIAL_INSURANCE: 'Voluntary social insurance',
    HOUSEHOLD_HEALTH_INSURANCE: 'Household health insurance',
  },
  SupportGroup: {
    POOR: 'Poor household',
    NEAR_POOR: 'Near-poor household',
    ETHNIC_MINORITY: 'Ethnic minority',
    ISLAND_COMMUNE: 'Island commune or special zone',
    OTHER: 'Others',
    STUDENT: 'Student',
    AGRICULTURAL_AVERAGE_INCOME: 'Farming, forestry, fishery or salt household of average living standard',
    CITY_POOR: 'Poor by the city standard',
    CITY_NEAR_POOR: 'Near-poor by the city standard',
    CITY_LEFT_POVERTY: 'Left poverty less than 36 months ago',
    CITY_CHILD_6_TO_15: 'Child aged 6 to under 16',
    CITY_SENIOR_65_TO_75: 'Person aged 65 to 75',
  },
  EnrollmentStatus: {
    DRAFT: 'Draft',
    SUBMITTED: 'Submitted',
    PAID: 'Paid',
    ACTIVE: 'Active',
    REJECTED: 'Rejected',
    CANCELLED: 'Cancelled',
  },
  Role: { ADMIN: 'Administrator', CENTER_MANAGER: 'Center manager', AGENT: 'Agent', VIEWER: 'Viewer' },
  ContributionParameterKey: {
    BASE_SALARY: 'Base salary',
    RURAL_POVERTY_LINE: 'Rural poverty line',
    REFERENCE_LEVEL: 'Reference level',
    VSI_RATE: 'Voluntary social insurance rate',
    VSI_INCOME_CAP_MULTIPLE: 'Income cap (times the reference level)',
    VSI_INCOME_STEP: 'Income step',
    VSI_SUPPORT_RATE: 'State support rate (voluntary social insurance)',
    VSI_SUPPORT_MAX_MONTHS: 'Maximum supported months',
    VSI_LOCAL_TOP_UP: 'Local top-up rate',
    VSI_MAX_MONTHS_AHEAD: 'Maximum months paid ahead',
    HHI_RATE: 'Household health insurance rate',
    HHI_MEMBER_SHARE: "Member's share of the first member's amount",
    HHI_SUPPORT_RATE: 'Health insurance support rate',
    IMPLIED_SUPPORT_GROUP: 'Support group implied by another',
  },
  CampaignStatus: { DRAFT: 'Draft', ACTIVE: 'Active', CLOSED: 'Closed' },
  CampaignPhase: {
    DRAFT: 'Draft',
    UPCOMING: 'Upcoming',
    RUNNING: 'Running',
    PERIOD_OVER: 'Period over, not closed',
    CLOSED: 'Closed',
  },
  CampaignCenterRole: { ORGANIZER: 'Organizer', PARTICIPANT: 'Participant' },
  SessionKind: {
    LAUNCH_CEREMONY: 'Launch ceremony',
    CONFERENCE: 'Conference',
    CONSULTATION_GROUP: 'Mobile consultation group',
    DOOR_TO_DOOR: 'Door to door',
    MARKET_STALL: 'Market stall',
    ONLINE: 'Online',
  },
  VenueKind: {
    RESIDENTIAL_AREA: 'Residential area',
    NEIGHBORHOOD: 'Neighbourhood group',
    MARKET: 'Market',
    POST_OFFICE: 'Post office',
    SOCIAL_INSURANCE_OFFICE: 'Social insurance office',
    ROOMING_HOUSE: 'Rooming house',
    WORKPLACE: 'Workplace',
    ONLINE: 'Online',
    OTHER: 'Other',
  },
  SessionStatus: { PLANNED: 'Planned', DONE: 'Done', CANCELLED: 'Cancelled' },
  AudienceGroup: {
    FREELANCER: 'Freelancer',
    SMALL_TRADER: 'Small trader',
    LANDLORD: 'Landlord',
    FARMER: 'Farmer',
    STUDENT: 'Student',
    HOUSEHOLD_WORKER: 'Household worker',
    RETIREE: 'Retiree',
    OTHER: 'Other',
  },
  CenterKind: {
    CITY_POST_OFFICE: 'City post office',
    CENTRAL_POST_OFFICE: 'Central post office',
    POST_OFFICE: 'Post office',
    CITY_SOCIAL_INSURANCE: 'City social insurance',
    BASE_SOCIAL_INSURANCE_OFFICE: 'Base social insurance office',
    ONLINE_BRIDGE_POINT: 'Online bridge point',
  },
  Organization: { VIETNAM_POST: 'Vietnam Post', SOCIAL_INSURANCE: 'Social insurance' },
  Sex: { MALE: 'Male', FEMALE: 'Female' },
  WardType: { WARD: 'Ward', COMMUNE: 'Commune', SPECIAL_ZONE: 'Special zone' },
  ApiTokenScope: { READ: 'Read only', READ_WRITE: 'Read and write' },
  SavedFilterList: {
    ENROLLMENTS: 'Enrollments',
    OUTREACH_SESSIONS: 'Outreach sessions',
    USERS: 'Users',
    API_TOKENS: 'API tokens',
    AUDIT_EVENTS: 'Audit log',
  },
  PaymentChannel: {
    CASH_AT_POST_OFFICE: 'Cash at a post office',
    BANK_TRANSFER: 'Bank transfer',
    QR_EWALLET: 'QR code or e-wallet',
    OTHER: 'Other',
  },
  PaymentSettlement: { FULL: 'Paid in full', PARTIAL: 'Partial payment' },
  Continuity: { NEW: 'New participant', CONTINUING: 'Continuing participant' },
  CountDay: { PAYMENT_DAY: 'Day of payment', REGISTRATION_DAY: 'Day of registration' },
  FollowUpMeans: { CALL: 'Call', VISIT: 'Visit', MESSAGE: 'Message', AT_SESSION: 'At a session' },
  FollowUpOutcome: {
    REACHED: 'Reached',
    NO_ANSWER: 'No answer',
    WILL_PAY: 'Will pay',
    DECLINED: 'Declined',
    MOVED_AWAY: 'Moved away',
    DECEASED: 'Deceased',
    INSURED_ELSEWHERE: 'Insured elsewhere',
  },
  EnrollmentAction: {
    SUBMIT: 'Submit',
    CONFIRM_PAYMENT: 'Confirm payment',
    ACTIVATE: 'Activate',
    REJECT: 'Reject',
    CANCEL: 'Cancel',
  },
}

/** enumLabels.vi.Product.VOLUNTARY_SOCIAL_INSURANCE === 'BHXH tự nguyện' */
export const enumLabels = { vi, en } as const

export type LabelledEnum = keyof LabelSet

/** The label of a value, or the value itself if it has none (an enum value newer than this build). */
export function labelOf(name: LabelledEnum, value: string, locale: 'vi' | 'en'): string {
  const labels: Readonly<Record<string, string>> = enumLabels[locale][name]
  return labels[value] ?? value
}
