// @tangtoc/shared: the domain rules the API and the console share. Pure and browser-safe.

export * from './calendar.ts'
export * from './contribution/default-parameters.ts'
export * from './contribution/parameters.ts'
export * from './enums.ts'
export * from './format.ts'
export * from './identity/citizen-id.ts'
export * from './identity/phone.ts'
export * from './messages.ts'
export * from './text/search-key.ts'
export * from './wards/index.ts'
