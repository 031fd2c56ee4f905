// pnpm admin:create --username <name> [--display-name "<name>"]
//
// Creates an admin (a production installation's first one) on the database DATABASE_URL names (or the
// embedded one), after applying the migrations. The password is asked for twice on a terminal, without
// echo; from a pipe it is the first line of the input (`printf '%s\n' "$PASSWORD" | pnpm admin:create …`);
// or it is ADMIN_PASSWORD. It is never an argument, which `ps` and shell histories would show.
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { createPrismaClient, migrateDatabase } from '@tangtoc/db'
import { createAdmin } from '../src/modules/users/admin-account.ts'

const { values } = parseArgs({
  options: { username: { type: 'string' }, 'display-name': { type: 'string' } },
})
if (!values.username) {
  console.error('Usage: pnpm admin:create --username <name> [--display-name "<name>"]')
  process.exit(2)
}

/** One line typed at the terminal, not echoed. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin
  process.stdout.write(question)
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  return new Promise((resolve) => {
    let typed = ''
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') {
          stdin.setRawMode(false)
          process.exit(130)
        } else if (char === '\r' || char === '\n') {
          stdin.off('data', onData)
          stdin.setRawMode(false)
          stdin.pause()
          process.stdout.write('\n')
          resolve(typed)
          return
        } else if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1)
        else typed += char
      }
    }
    stdin.on('data', onData)
  })
}

async function firstLineOfInput(): Promise<string> {
  for await (const line of createInterface({ input: process.stdin })) return line
  return ''
}

async function password(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD
  if (!process.stdin.isTTY) return firstLineOfInput()
  const first = await askHidden('Password for the new admin: ')
  const again = await askHidden('The same password again: ')
  if (first !== again) {
    console.error('The two passwords differ; nothing was created.')
    process.exit(1)
  }
  return first
}

const chosen = await password()
await migrateDatabase()
const prisma = createPrismaClient()
try {
  const created = await createAdmin(prisma, {
    username: values.username,
    password: chosen,
    ...(values['display-name'] ? { displayName: values['display-name'] } : {}),
  })
  if (!created.ok) {
    console.error(`No admin created:\n${created.problems.map((problem) => `  - ${problem}`).join('\n')}`)
    process.exitCode = 1
  } else {
    console.log(`Admin “${values.username.trim()}” created.`)
  }
} finally {
  await prisma.$disconnect()
}
