// @tangtoc/shared: the domain rules the API and the console share. Pure and browser-safe.
// Quotes go through quoteContribution; the per-product calculators stay internal.

export * from './calendar.ts'
export * from './contribution/default-parameters.ts'
export * from './contribution/money.ts'
export * from './contribution/parameters.ts'
export * from './contribution/quote.ts'
export * from './contribution/support-groups.ts'
export * from './enrollment/lifecycle.ts'
export * from './enums.ts'
export * from './format.ts'
export * from './household.ts'
export * from './identity/citizen-id.ts'
export * from './identity/phone.ts'
export * from './labels.ts'
export * from './messages.ts'
export * from './text/search-key.ts'
export * from './wards/index.ts'
