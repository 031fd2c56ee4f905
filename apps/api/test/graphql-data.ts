// What a test or a bench reads of a GraphQL answer whose operation is written as a string.

/**
 * An operation's data, read field by field. The API's operations are strings, with no generated type to
 * name (the console's are typed from the schema); the assertions that read the data check its shape.
 */
// biome-ignore lint/suspicious/noExplicitAny: an operation written as a string has no type to name
export type OperationData = Record<string, any>
