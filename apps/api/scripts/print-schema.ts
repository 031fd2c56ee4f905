// Prints the schema to apps/api/schema.graphql, the contract the console's types are generated from.
import { writeFileSync } from 'node:fs'
import { printSchema } from 'graphql'
import { schema } from '../src/schema.ts'

const file = new URL('../schema.graphql', import.meta.url)
writeFileSync(file, `${printSchema(schema)}\n`)
console.log(`wrote ${file.pathname}`)
