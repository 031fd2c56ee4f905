// One Idempotency-Key per thing submitted: sending the same input again after no answer came (a
// double click, the network failed mid-way) reuses its key, so the API runs it once; once an answer
// has come, or the input changed, the next submit is a new one with a new key.
import { useRef } from 'react'
import { withIdempotencyKey } from '../client.ts'

function newKey(): string {
  // getRandomValues works on plain-HTTP intranet addresses, where crypto.randomUUID does not exist.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('')
}

export function useSubmitKey() {
  const last = useRef<{ input: string; key: string } | null>(null)
  return {
    /** The urql context for submitting `input`: its key, the same as last time for the same input. */
    contextFor(input: unknown) {
      const serialized = JSON.stringify(input)
      if (last.current?.input !== serialized) last.current = { input: serialized, key: newKey() }
      return withIdempotencyKey(last.current.key)
    },
    /** An answer came (the payload or a typed error): the next submit is a new one. */
    answered() {
      last.current = null
    },
  }
}
