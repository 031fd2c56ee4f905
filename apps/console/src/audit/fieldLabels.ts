// The name of an audited record's field in the user's language, from the label tables its own pages
// use (the API's `AuditEvent.changes` names fields as the GraphQL types do, so the keys match).
import { useTranslation } from 'react-i18next'

/** Where each audited type's field labels are, first match wins. */
const labelTables: Record<string, readonly string[]> = {
  Enrollment: ['enrollment', 'enrollment.person', 'import.field'],
  Person: ['enrollment.person', 'import.field'],
  Campaign: ['campaign'],
  Center: ['center'],
  User: ['user'],
  OutreachSession: ['session'],
  ApiToken: ['token'],
}

/** Last, for every type: the details an event records of itself (a sign-in's address) and shared names. */
const eventTable = 'audit.field'

/** The label of `field` of a record of `entityType`; the field's own name where no table has one. */
export function useAuditFieldLabel(): (entityType: string, field: string) => string {
  const { t } = useTranslation()
  return (entityType, field) => {
    for (const table of [...(labelTables[entityType] ?? []), eventTable]) {
      // A table holds groups too (enrollment.person): only a string is a label.
      const label: unknown = t(`${table}.${field}` as 'enrollment.status', { returnObjects: true })
      if (typeof label === 'string' && label !== `${table}.${field}`) return label
    }
    return field
  }
}
