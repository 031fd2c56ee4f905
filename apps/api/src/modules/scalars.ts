import { GraphQLError, Kind } from 'graphql'
import { builder } from '../builder.ts'

const isoDate = /^\d{4}-\d{2}-\d{2}$/

builder.scalarType('Date', {
  description: 'A calendar date, YYYY-MM-DD (ISO 8601), with no time of day or time zone.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: (value) => {
    if (typeof value !== 'string' || !isoDate.test(value) || Number.isNaN(Date.parse(value))) {
      throw new GraphQLError('Date must be a calendar date written YYYY-MM-DD')
    }
    return value
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !isoDate.test(ast.value)) {
      throw new GraphQLError('Date must be a calendar date written YYYY-MM-DD')
    }
    return ast.value
  },
})

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string with a UTC offset.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value))
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 instant')
    return date
  },
})

builder.scalarType('JSON', {
  description: 'Any JSON value: an object, array, string, number, boolean or null.',
  serialize: (value) => value,
  parseValue: (value) => value,
})
