// `pnpm start`: migrate, seed an empty database, and serve the API and the built console on one port.
import { fileURLToPath } from 'node:url'
import { createPrismaClient, describeDatabase, migrateDatabase } from '@tangtoc/db'
import { seedIfEmpty } from '@tangtoc/db/seed'
import { createServer } from './server.ts'

const port = Number(process.env.PORT ?? 4000)
const consoleDir = fileURLToPath(new URL('../../console/dist', import.meta.url))

await migrateDatabase()
const prisma = createPrismaClient()
const seeded = await seedIfEmpty(prisma)
const server = createServer({ prisma, consoleDir })

server.listen(port, () => {
  console.log(
    `Tăng Tốc on ${describeDatabase().label}${seeded.launchCampaignId ? ' (seeded the launch campaign)' : ''}`,
  )
  console.log(`  console  http://localhost:${port}/`)
  console.log(`  GraphQL  http://localhost:${port}/graphql`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close()
    void prisma.$disconnect().finally(() => process.exit(0))
  })
}
