import { describe, expect, it } from 'vitest'
import { InstanceCaches } from './caches.ts'

describe('the instance caches', () => {
  it('keep a read per database client: what a lagging replica answered never answers for the primary', async () => {
    const caches = new InstanceCaches()
    const primary = {}
    const replica = {}
    const loads: string[] = []
    const read = (reader: object, value: string) =>
      caches.through(caches.reminderTemplates, reader, 'LAPSED', async () => {
        loads.push(value)
        return { value }
      })
    expect(await read(replica, 'as the replica had it')).toBe('as the replica had it')
    expect(await read(primary, 'as the primary has it')).toBe('as the primary has it')
    expect(await read(replica, 'not read again')).toBe('as the replica had it')
    expect(loads).toEqual(['as the replica had it', 'as the primary has it'])
  })

  it('do not keep a read that a clearing overtook', async () => {
    const caches = new InstanceCaches()
    const reader = {}
    expect(
      await caches.through(caches.reminderTemplates, reader, 'LAPSED', async () => {
        caches.clear()
        return { value: 'before the change' }
      }),
    ).toBe('before the change')
    expect(
      await caches.through(caches.reminderTemplates, reader, 'LAPSED', async () => ({ value: 'after' })),
    ).toBe('after')
  })
})
