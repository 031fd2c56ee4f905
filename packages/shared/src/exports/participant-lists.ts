// The participant lists in the shape Social Insurance receives them, one per product: which columns,
// under which headers, in which order. The layout is data (participant-lists.json, with its source and
// whether it is confirmed) so that an officer corrects it without code; this module names the fields
// an exporter knows how to fill and checks the file against them.

import { type Product, products } from '../enums.ts'
import layout from './participant-lists.json' with { type: 'json' }

/** What can fill a column: an enrollment's or its person's value, the row's number, or nothing. */
export const participantListFields = [
  'rowNumber',
  'fullName',
  'socialInsuranceNumber',
  'citizenId',
  'dateOfBirth',
  'sex',
  'phone',
  'address',
  'ward',
  'occupationGroup',
  'monthlyIncome',
  'months',
  'householdPosition',
  'periodStart',
  'periodEnd',
  'gross',
  'support',
  'payable',
  'center',
  'blank',
] as const
export type ParticipantListField = (typeof participantListFields)[number]

export type ParticipantListColumn = { readonly header: string; readonly field: ParticipantListField }

export type ParticipantList = {
  /** The form's code (D05-TS, D03-TS). */
  readonly form: string
  readonly title: string
  /** The XLSX tab's name. */
  readonly sheetName: string
  readonly columns: readonly ParticipantListColumn[]
}

export type ParticipantLists = {
  readonly source: string
  /** False while the columns were not checked against the form in force. */
  readonly confirmed: boolean
  readonly lists: Readonly<Record<Product, ParticipantList>>
}

/** What is wrong with a layout, one line each; empty when every product has a list of known fields. */
export function checkParticipantLists(data: unknown): string[] {
  const problems: string[] = []
  const lists = (data as { lists?: Record<string, unknown> } | null)?.lists
  if (typeof (data as { source?: unknown } | null)?.source !== 'string') problems.push('source: missing')
  for (const product of products) {
    const list = lists?.[product] as Partial<ParticipantList> | undefined
    if (!list) {
      problems.push(`lists.${product}: missing`)
      continue
    }
    for (const key of ['form', 'title', 'sheetName'] as const) {
      if (typeof list[key] !== 'string' || list[key] === '') problems.push(`lists.${product}.${key}: missing`)
    }
    if (!Array.isArray(list.columns) || list.columns.length === 0) {
      problems.push(`lists.${product}.columns: missing`)
      continue
    }
    list.columns.forEach((column: Partial<ParticipantListColumn>, index) => {
      if (typeof column.header !== 'string' || column.header.trim() === '')
        problems.push(`lists.${product}.columns.${index}.header: missing`)
      if (!participantListFields.includes(column.field as ParticipantListField))
        problems.push(`lists.${product}.columns.${index}.field: unknown field ${String(column.field)}`)
    })
  }
  return problems
}

/** The layout on file (participant-lists.json). */
export const participantLists = layout as ParticipantLists
