// The enumerations of prisma/schema.prisma, value for value, as const arrays and union types.
// test/enums.test.ts reads the schema and fails when the two drift apart.

export const products = ['VOLUNTARY_SOCIAL_INSURANCE', 'HOUSEHOLD_HEALTH_INSURANCE'] as const
export type Product = (typeof products)[number]

export const supportGroups = [
  'POOR',
  'NEAR_POOR',
  'ETHNIC_MINORITY',
  'ISLAND_COMMUNE',
  'OTHER',
  'STUDENT',
  'AGRICULTURAL_AVERAGE_INCOME',
  'CITY_POOR',
  'CITY_NEAR_POOR',
  'CITY_LEFT_POVERTY',
  'CITY_CHILD_6_TO_15',
  'CITY_SENIOR_65_TO_75',
] as const
export type SupportGroup = (typeof supportGroups)[number]

export const enrollmentStatuses = ['DRAFT', 'SUBMITTED', 'PAID', 'ACTIVE', 'REJECTED', 'CANCELLED'] as const
export type EnrollmentStatus = (typeof enrollmentStatuses)[number]

export const roles = ['ADMIN', 'CENTER_MANAGER', 'AGENT', 'VIEWER'] as const
export type Role = (typeof roles)[number]

export const contributionParameterKeys = [
  'BASE_SALARY',
  'RURAL_POVERTY_LINE',
  'REFERENCE_LEVEL',
  'VSI_RATE',
  'VSI_INCOME_CAP_MULTIPLE',
  'VSI_INCOME_STEP',
  'VSI_SUPPORT_RATE',
  'VSI_SUPPORT_MAX_MONTHS',
  'VSI_LOCAL_TOP_UP',
  'VSI_MAX_MONTHS_AHEAD',
  'HHI_RATE',
  'HHI_MEMBER_SHARE',
  'HHI_SUPPORT_RATE',
  'IMPLIED_SUPPORT_GROUP',
] as const
export type ContributionParameterKey = (typeof contributionParameterKeys)[number]

export const campaignStatuses = ['DRAFT', 'ACTIVE', 'CLOSED'] as const
export type CampaignStatus = (typeof campaignStatuses)[number]

export const campaignCenterRoles = ['ORGANIZER', 'PARTICIPANT'] as const
export type CampaignCenterRole = (typeof campaignCenterRoles)[number]

export const sessionKinds = [
  'LAUNCH_CEREMONY',
  'CONFERENCE',
  'CONSULTATION_GROUP',
  'DOOR_TO_DOOR',
  'MARKET_STALL',
  'ONLINE',
] as const
export type SessionKind = (typeof sessionKinds)[number]

export const venueKinds = [
  'RESIDENTIAL_AREA',
  'NEIGHBORHOOD',
  'MARKET',
  'POST_OFFICE',
  'SOCIAL_INSURANCE_OFFICE',
  'ROOMING_HOUSE',
  'WORKPLACE',
  'ONLINE',
  'OTHER',
] as const
export type VenueKind = (typeof venueKinds)[number]

export const sessionStatuses = ['PLANNED', 'DONE', 'CANCELLED'] as const
export type SessionStatus = (typeof sessionStatuses)[number]

export const audienceGroups = [
  'FREELANCER',
  'SMALL_TRADER',
  'LANDLORD',
  'FARMER',
  'STUDENT',
  'HOUSEHOLD_WORKER',
  'RETIREE',
  'OTHER',
] as const
export type AudienceGroup = (typeof audienceGroups)[number]

export const centerKinds = [
  'CITY_POST_OFFICE',
  'CENTRAL_POST_OFFICE',
  'POST_OFFICE',
  'CITY_SOCIAL_INSURANCE',
  'BASE_SOCIAL_INSURANCE_OFFICE',
  'ONLINE_BRIDGE_POINT',
] as const
export type CenterKind = (typeof centerKinds)[number]

export const organizations = ['VIETNAM_POST', 'SOCIAL_INSURANCE'] as const
export type Organization = (typeof organizations)[number]

export const sexes = ['MALE', 'FEMALE'] as const
export type Sex = (typeof sexes)[number]

export const wardTypes = ['WARD', 'COMMUNE', 'SPECIAL_ZONE'] as const
export type WardType = (typeof wardTypes)[number]

export const apiTokenScopes = ['READ', 'READ_WRITE'] as const
export type ApiTokenScope = (typeof apiTokenScopes)[number]

export const paymentChannels = ['CASH_AT_POST_OFFICE', 'BANK_TRANSFER', 'QR_EWALLET', 'OTHER'] as const
export type PaymentChannel = (typeof paymentChannels)[number]

/** FULL when a payment settled everything due on its enrollments, PARTIAL when the collector recorded less. */
export const paymentSettlements = ['FULL', 'PARTIAL'] as const
export type PaymentSettlement = (typeof paymentSettlements)[number]

/** New participants and those continuing a participation (coverage.ts decides which). */
export const continuities = ['NEW', 'CONTINUING'] as const

/** The day a paid participant counts for in a campaign's progress. */
export const countDays = ['PAYMENT_DAY', 'REGISTRATION_DAY'] as const
export type CountDay = (typeof countDays)[number]

/** Which paid participants a campaign's targets count (progress.ts countedParticipants). */
export const countedParticipantsValues = ['NEW', 'CONTINUING', 'BOTH'] as const
export type CountedParticipants = (typeof countedParticipantsValues)[number]

/** The lists whose filters a user can save. */
export const savedFilterLists = [
  'ENROLLMENTS',
  'OUTREACH_SESSIONS',
  'USERS',
  'API_TOKENS',
  'AUDIT_EVENTS',
] as const
export type SavedFilterList = (typeof savedFilterLists)[number]

/** How an agent contacted a person about an enrollment or a lead. */
export const followUpMeans = ['CALL', 'VISIT', 'MESSAGE', 'AT_SESSION'] as const
export type FollowUpMeans = (typeof followUpMeans)[number]

/** What a contact attempt came to (worklists.ts says what each does to the worklists). */
export const followUpOutcomes = [
  'REACHED',
  'NO_ANSWER',
  'WILL_PAY',
  'DECLINED',
  'MOVED_AWAY',
  'DECEASED',
  'INSURED_ELSEWHERE',
] as const
export type FollowUpOutcome = (typeof followUpOutcomes)[number]

/** The follow-up worklists (worklists.ts says what each holds). */
export const worklists = [
  'EXPIRING',
  'LAPSED',
  'WAITING_PAYMENT',
  'SESSION_UNPAID',
  'PROMISED',
  'LEADS',
] as const
export type Worklist = (typeof worklists)[number]

/** Every enumeration by its Prisma name, for labels, GraphQL enums and completeness checks. */
/** Where an import batch is: uploaded (its preview may be read), being committed, committed. */
export const importBatchStatuses = ['UPLOADED', 'COMMITTING', 'COMMITTED'] as const
export type ImportBatchStatus = (typeof importBatchStatuses)[number]

/** The kinds of file an import takes. */
export const importFormats = ['CSV', 'XLSX'] as const
export type ImportFormat = (typeof importFormats)[number]

/** The text encoding an imported file was read in: Unicode, or a legacy Vietnamese one converted to it. */
export const importEncodings = ['UNICODE', 'TCVN3', 'VNI'] as const
export type ImportEncoding = (typeof importEncodings)[number]
export type LegacyEncoding = Exclude<ImportEncoding, 'UNICODE'>

/** What an import's commit made of a row. */
export const importRowStatuses = ['PENDING', 'COMMITTED', 'REFUSED'] as const
export type ImportRowStatus = (typeof importRowStatuses)[number]

/** Where a queued export is: being written, ready to download, or failed. */
export const exportStatuses = ['PENDING', 'READY', 'FAILED'] as const
export type ExportStatus = (typeof exportStatuses)[number]

export const enumValues = {
  Product: products,
  SupportGroup: supportGroups,
  EnrollmentStatus: enrollmentStatuses,
  Role: roles,
  ContributionParameterKey: contributionParameterKeys,
  CampaignStatus: campaignStatuses,
  CampaignCenterRole: campaignCenterRoles,
  SessionKind: sessionKinds,
  VenueKind: venueKinds,
  SessionStatus: sessionStatuses,
  AudienceGroup: audienceGroups,
  CenterKind: centerKinds,
  Organization: organizations,
  Sex: sexes,
  WardType: wardTypes,
  ApiTokenScope: apiTokenScopes,
  SavedFilterList: savedFilterLists,
  PaymentChannel: paymentChannels,
  PaymentSettlement: paymentSettlements,
  Continuity: continuities,
  CountDay: countDays,
  CountedParticipants: countedParticipantsValues,
  FollowUpMeans: followUpMeans,
  FollowUpOutcome: followUpOutcomes,
  Worklist: worklists,
  ImportBatchStatus: importBatchStatuses,
  ImportFormat: importFormats,
  ImportEncoding: importEncodings,
  ImportRowStatus: importRowStatuses,
  ExportStatus: exportStatuses,
} as const
export type EnumName = keyof typeof enumValues

/** Narrows an untrusted string (GraphQL input, a form, a CSV cell) to one of an enumeration's values. */
export function isOneOf<const T extends readonly string[]>(
  values: T,
  candidate: unknown,
): candidate is T[number] {
  return typeof candidate === 'string' && values.includes(candidate)
}
