import {
  AudienceGroup,
  CampaignStatus,
  CenterKind,
  Continuity,
  CountDay,
  CountedParticipants,
  EnrollmentStatus,
  Organization,
  Product,
  SessionKind,
  Sex,
  SupportGroup,
  WardType,
} from '@tangtoc/db'
import { enumLabels } from '@tangtoc/shared'
import { builder } from '../builder.ts'

/** Each value described by its English label, as the console shows it. */
export function labelled<T extends string>(labels: Record<T, string>) {
  return Object.fromEntries(
    Object.entries(labels).map(([value, label]) => [value, { description: label }]),
  ) as Record<T, { description: string }>
}

export const ProductEnum = builder.enumType(Product, {
  name: 'Product',
  description: 'What a person enrolls in.',
})

export const CampaignStatusEnum = builder.enumType(CampaignStatus, {
  name: 'CampaignStatus',
  description: 'Where a campaign is in its life: being planned, running, or over.',
})

export const CenterKindEnum = builder.enumType(CenterKind, {
  name: 'CenterKind',
  description: 'What kind of node of the organisational tree a center is.',
})

export const OrganizationEnum = builder.enumType(Organization, {
  name: 'Organization',
  description: 'The organisation a center belongs to.',
})

export const ContinuityEnum = builder.enumType(Continuity, {
  name: 'Continuity',
  description: 'Whether a participant is new or continues a participation (targets count them apart).',
})

export const CountDayEnum = builder.enumType(CountDay, {
  name: 'CountDay',
  description: 'The day a paid participant counts for in a campaign’s progress.',
})

export const CountedParticipantsEnum = builder.enumType(CountedParticipants, {
  name: 'CountedParticipants',
  description:
    'Which paid participants count toward a campaign’s targets: new ones, continuing ones, or both (progress shows new and continuing side by side whichever it is).',
})

export const EnrollmentStatusEnum = builder.enumType(EnrollmentStatus, {
  name: 'EnrollmentStatus',
  description: 'Where an enrollment is in its lifecycle.',
})

export const WardTypeEnum = builder.enumType(WardType, {
  name: 'WardType',
  description: 'The kind of commune-level unit: ward (phường), commune (xã) or special zone (đặc khu).',
})

export const SexEnum = builder.enumType(Sex, {
  name: 'Sex',
  description: 'A person’s sex as on their identity card; the citizen ID’s 4th digit encodes it.',
})

export const AudienceGroupEnum = builder.enumType(AudienceGroup, {
  name: 'AudienceGroup',
  description: 'Who an outreach session aims at, and which occupation group a person belongs to.',
  values: labelled(enumLabels.en.AudienceGroup),
})

export const SupportGroupEnum = builder.enumType(SupportGroup, {
  name: 'SupportGroup',
  description:
    'A group whose contribution the state or the city supports (poor, near-poor, ethnic minority, …); the highest rate applies.',
})

export const SessionKindEnum = builder.enumType(SessionKind, {
  name: 'SessionKind',
  description:
    'What kind of outreach session it is: a launch ceremony, a conference, a consultation group, door to door, a market stall or online.',
  values: labelled(enumLabels.en.SessionKind),
})
