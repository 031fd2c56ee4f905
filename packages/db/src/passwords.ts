import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane): about 20 ms per hash on a server core, cheap
// enough for logins and seeds, costly enough for an offline guesser. The parameters travel inside
// each hash, so raising them later still verifies the old ones.
// `Algorithm` is an ambient const enum, which isolated modules cannot import; 2 is its Argon2id.
const argon2id = 2
const options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/** An argon2id hash in PHC string form (`$argon2id$v=19$m=…`), salt included. */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain, options)
}

/** Whether `plain` matches `passwordHash`; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain)
  } catch {
    return false
  }
}
