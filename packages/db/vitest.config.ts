import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests start the Prisma CLI and the wasm schema engine several times each.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
