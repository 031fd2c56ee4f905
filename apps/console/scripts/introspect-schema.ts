// Writes the API's printed schema as a minified introspection (src/generated/schema.json), which
// graphcache needs to match fragments on interfaces and unions (the typed errors) exactly. Types,
// fields and their arguments only: no descriptions, so it stays a few kilobytes in the bundle.
import { readFileSync, writeFileSync } from 'node:fs'
import { getIntrospectedSchema, minifyIntrospectionQuery } from '@urql/introspection'
import { buildSchema } from 'graphql'

const schema = buildSchema(readFileSync(new URL('../../api/schema.graphql', import.meta.url), 'utf8'))
const file = new URL('../src/generated/schema.json', import.meta.url)
writeFileSync(file, JSON.stringify(minifyIntrospectionQuery(getIntrospectedSchema(schema))))
console.log(`wrote ${file.pathname}`)
