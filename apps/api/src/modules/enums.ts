import {
  CampaignStatus,
  CenterKind,
  EnrollmentStatus,
  Organization,
  Product,
  WardType,
} from '@tangtoc/db'
import { builder } from '../builder.ts'

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

export const EnrollmentStatusEnum = builder.enumType(EnrollmentStatus, {
  name: 'EnrollmentStatus',
  description: 'Where an enrollment is in its lifecycle.',
})

export const WardTypeEnum = builder.enumType(WardType, {
  name: 'WardType',
  description: 'The kind of commune-level unit: ward (phường), commune (xã) or special zone (đặc khu).',
})
