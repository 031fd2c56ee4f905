// The end-to-end suite: the built console served by the real API on a fresh database, in Chromium.
import { createRequire } from 'node:module'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // The API runs in-process: like its own test config, load one copy of graphql (the CommonJS one
    // that Yoga and Pothos use), so graphql's `instanceof` checks hold.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['e2e/build-console.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
