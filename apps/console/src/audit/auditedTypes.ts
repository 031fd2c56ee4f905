/** The record types the API audits, by their GraphQL type name. */
export const auditedTypes = [
  'Campaign',
  'Center',
  'User',
  'ApiToken',
  'OutreachSession',
  'Enrollment',
  'Person',
  'ContributionParameter',
  'Payment',
  'FollowUp',
  'Lead',
  'ReminderTemplate',
  'ImportBatch',
  'Export',
] as const
