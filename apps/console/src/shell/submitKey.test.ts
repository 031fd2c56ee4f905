import { renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useSubmitKey } from './submitKey.ts'

const keyOf = (context: { fetchOptions?: unknown }) =>
  new Headers((context.fetchOptions as RequestInit).headers).get('idempotency-key')

describe('one Idempotency-Key per thing submitted', () => {
  it('sends the same key for the same input until an answer comes, then a new one', () => {
    const { result } = renderHook(() => useSubmitKey())
    const first = keyOf(result.current.contextFor({ amount: 100 }))
    expect(first).toMatch(/^[0-9a-f]{32}$/)
    // No answer came (the network failed): the retry is the same request.
    expect(keyOf(result.current.contextFor({ amount: 100 }))).toBe(first)
    // A changed input is a new request.
    const changed = keyOf(result.current.contextFor({ amount: 200 }))
    expect(changed).not.toBe(first)
    result.current.answered()
    expect(keyOf(result.current.contextFor({ amount: 200 }))).not.toBe(changed)
  })

  it('keeps the CSRF header and the session cookie beside the key', () => {
    const { result } = renderHook(() => useSubmitKey())
    const context = result.current.contextFor({})
    const init = context.fetchOptions as RequestInit
    expect(new Headers(init.headers).get('x-graphql-yoga-csrf')).toBe('1')
    expect(init.credentials).toBe('include')
  })
})
