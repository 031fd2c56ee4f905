// The event bus when Redis restarts: nothing ends the process, publishes wait for it, readiness says so
// at once, and the instance's subscribers hear that events resume (so live progress resends its state).
// Runs a Redis server of its own (Debian's redis-server), so restarting it disturbs no one else.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort, until } from '../test/api-process.ts'
import { createEventBus } from './pubsub.ts'

const redisServer = '/usr/bin/redis-server'
let redis: ChildProcess | undefined

async function startRedis(port: number) {
  redis = spawn(
    redisServer,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  )
}

async function stopRedis() {
  const stopping = redis
  // Killed by a signal, a process has a signalCode and no exitCode: either means it has exited.
  if (!stopping || stopping.exitCode !== null || stopping.signalCode !== null) return
  const exited = new Promise((resolve) => stopping.once('exit', resolve))
  stopping.kill('SIGKILL')
  await exited
}

afterAll(stopRedis)

describe.runIf(existsSync(redisServer))('the event bus when Redis restarts', () => {
  it('keeps the process up, answers readiness at once and tells subscribers events resumed', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    const port = await freePort()
    await startRedis(port)
    const bus = createEventBus(`redis://127.0.0.1:${port}`)
    try {
      await until('Redis', async () => ((await bus.ping?.()) === 'PONG' ? true : undefined), 10_000)
      const heard: string[] = []
      const listen = async (topic: 'tangtoc:eventsResumed' | 'tangtoc:cachesStale') => {
        for await (const _ of bus.pubsub.subscribe(topic)) heard.push(topic)
      }
      void listen('tangtoc:eventsResumed')
      void listen('tangtoc:cachesStale')
      await new Promise((resolve) => setTimeout(resolve, 200))

      await stopRedis()
      // A change made while Redis is away.
      bus.pubsub.publish('tangtoc:cachesStale')
      const started = Date.now()
      await expect(bus.ping?.()).rejects.toThrow()
      expect(Date.now() - started).toBeLessThan(1_000)
      await new Promise((resolve) => setTimeout(resolve, 1_500))

      await startRedis(port)
      await until(
        'events to resume',
        async () => (heard.includes('tangtoc:eventsResumed') ? true : undefined),
        15_000,
      )
      expect(await bus.ping?.()).toBe('PONG')
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
      await bus.close()
    }
  })

  it('closes without an unhandled rejection while Redis has not answered yet (a subscribe and a publish waiting)', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      // Nothing listens there: the commands wait in the client's queue, as at start while Redis restarts.
      // Closed at several moments, so that some close while the client is connecting.
      const port = await freePort()
      for (const ms of [0, 1, 2, 5, 10, 20, 40, 80]) {
        const bus = createEventBus(`redis://127.0.0.1:${port}`)
        void (async () => {
          for await (const _ of bus.pubsub.subscribe('tangtoc:cachesStale')) break
        })()
        bus.pubsub.publish('tangtoc:cachesStale')
        await new Promise((resolve) => setTimeout(resolve, ms))
        await bus.close()
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})
