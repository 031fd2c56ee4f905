// @tangtoc/shared: the domain rules the API, the console and importers share. Pure and browser-safe.
// This is the public API, and all of it: README.md says what each name is for. Anything a module
// exports but this file does not (the per-product calculators, the parameter trail, the support-group
// choice, the Intl caches) is the package's own.

export {
  checkDisplayName,
  checkPassword,
  checkUsername,
  maxDisplayNameLength,
  maxPasswordLength,
  minPasswordLength,
  usernamePattern,
} from './account.ts'
export {
  addDays,
  campaignTimeZone,
  coverageEnd,
  daysBetween,
  type IsoDate,
  isIsoDate,
  localDateInZone,
  toIsoDate,
} from './calendar.ts'
export { type CampaignPhase, campaignPhase, campaignPhases } from './campaign/phase.ts'
export {
  checkRegistrationDate,
  checkRegistrationMargin,
  maxRegistrationMarginDays,
  type RegistrationPeriod,
  registrationDates,
} from './campaign/registration-date.ts'
export { checkTargetGrid, type TargetGridCampaign, type TargetGridRow } from './campaign/target-grid.ts'
export {
  type ContributionParameterSeed,
  defaultContributionParameters,
} from './contribution/default-parameters.ts'
export {
  type ContributionParameter,
  checkParameterHistory,
  findParameter,
  nationalJurisdiction,
  type ParameterQuery,
  type QuoteParameter,
} from './contribution/parameters.ts'
export {
  allowedPaymentPeriods,
  type ContributionQuote,
  type ContributionQuoteInput,
  defaultPaymentPeriods,
  type HouseholdMemberQuoteInput,
  type MemberLine,
  type MonthlyAmounts,
  type PaymentPeriodPolicy,
  type QuoteLine,
  type QuoteResult,
  quoteContribution,
  type SupportLine,
} from './contribution/quote.ts'
export {
  type Continuity,
  type CoveragePeriod,
  type CoverageResult,
  coverageOfPayment,
  type DeclaredParticipation,
  householdCardBreakMonths,
  householdCardPeriod,
  householdCardWaitingDays,
  remainingMonths,
} from './coverage.ts'
export {
  ageOn,
  checkVoluntaryEligibility,
  isStateInsuredChild,
  stateInsuredChildAge,
  voluntarySocialInsuranceMinimumAge,
} from './eligibility.ts'
export {
  availableActions,
  defaultCountedStatuses,
  type EnrollmentAction,
  enrollmentActions,
  isLive,
  mayRecordPayment,
  planTransition,
  roleScopes,
  type Transition,
  type TransitionPlan,
} from './enrollment/lifecycle.ts'
export {
  type ApiTokenScope,
  type AudienceGroup,
  apiTokenScopes,
  audienceGroups,
  type CampaignCenterRole,
  type CampaignStatus,
  type CenterKind,
  type ContributionParameterKey,
  type CountDay,
  type CountedParticipants,
  campaignCenterRoles,
  campaignStatuses,
  centerKinds,
  continuities,
  contributionParameterKeys,
  countDays,
  countedParticipantsValues,
  type EnrollmentStatus,
  type EnumName,
  enrollmentStatuses,
  enumValues,
  type FollowUpMeans,
  type FollowUpOutcome,
  followUpMeans,
  followUpOutcomes,
  isOneOf,
  type Organization,
  organizations,
  type PaymentChannel,
  type PaymentSettlement,
  type Product,
  paymentChannels,
  paymentSettlements,
  products,
  type Role,
  roles,
  type SavedFilterList,
  type SessionKind,
  type SessionStatus,
  type Sex,
  type SupportGroup,
  savedFilterLists,
  sessionKinds,
  sessionStatuses,
  sexes,
  supportGroups,
  type VenueKind,
  venueKinds,
  type WardType,
  wardTypes,
} from './enums.ts'
export { formatDate, formatDong } from './format.ts'
export {
  assignPricingPositions,
  type CheckedHouseholdMember,
  checkHousehold,
  type HouseholdCheck,
  type HouseholdMemberFacts,
  type HouseholdMemberInput,
  type HouseholdRankingResult,
  type RankedHouseholdMember,
  rankHouseholdMembers,
} from './household.ts'
export {
  buildCitizenId,
  type CitizenIdFacts,
  type CitizenIdResult,
  checkSocialInsuranceNumber,
  type LegacySocialInsuranceCodeResult,
  maskCitizenId,
  type SocialInsuranceNumber,
  type SocialInsuranceNumberResult,
  validateCitizenId,
  validateLegacySocialInsuranceCode,
} from './identity/citizen-id.ts'
export {
  formatPhoneNational,
  maskPhone,
  normalizePhone,
  type PhoneE164,
  type PhoneResult,
  phoneNationalDigits,
} from './identity/phone.ts'
export {
  type Cell,
  guessColumns,
  type ImportField,
  importFields,
  type Read,
  readCitizenId,
  readDate,
  readSex,
  readText,
  readTick,
} from './import/columns.ts'
export { type CheckedImportRow, checkImportRows, type ImportCheck, type SheetRow } from './import/rows.ts'
export { dateTimeFormat } from './intl.ts'
export { enumLabels, type LabelledEnum, labelOf } from './labels.ts'
export {
  describeIssue,
  type Failure,
  failure,
  type Issue,
  type IssueCode,
  type IssueParam,
  issue,
  type Locale,
  type LocalizedText,
  locales,
  type MessageVariant,
  messages,
} from './messages.ts'
export {
  type AmountOwed,
  amountsDue,
  checkPaidOn,
  paysNextPeriod,
  type Settlement,
  type SettlementResult,
  settlePayment,
  voluntaryPaymentDeadline,
} from './payments.ts'
export { type CheckedPerson, checkPerson, type PersonCheck, type PersonInput } from './person.ts'
export {
  type ContinuityCounts,
  countedParticipants,
  type DailyCount,
  type DailyTotal,
  dailyPaceNeeded,
  dailySeries,
  daysLeft,
  type MilestoneOutcome,
  type MilestoneStatus,
  milestoneOutcome,
  percentOfTarget,
  projectedFinishDate,
  rankByProgress,
  recentPace,
  type TargetPoint,
  targetLine,
  topmostTargets,
} from './progress.ts'
export {
  checkReminderText,
  defaultReminderTemplates,
  maxReminderTextLength,
  type ReminderPlaceholder,
  type ReminderValues,
  reminderPlaceholders,
  renderReminder,
} from './reminders.ts'
export { checkFreeText, holdsUnreadableCharacter } from './text/free-text.ts'
export {
  foldSearchKey,
  fullNameMaxLength,
  normalizeText,
  type PersonSearch,
  type PersonSearchFields,
  personSearch,
  personSearchKey,
  searchPrefixes,
} from './text/search-key.ts'
export {
  findProvince,
  findWard,
  hoChiMinhCityProvinceCode,
  hoChiMinhCityWards,
  isWardCode,
  type Province,
  type ProvinceType,
  provinces,
  provinceTypes,
  type Ward,
  wardSource,
} from './wards/index.ts'
export {
  checkWorklistDays,
  closingOutcomes,
  type DueRange,
  defaultWorklistDays,
  type FollowUpInput,
  type FollowUpState,
  followUpEffect,
  maxWorklistDays,
  type Worklist,
  worklistDueRange,
  worklists,
} from './worklists.ts'
