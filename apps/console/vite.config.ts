import { createRequire } from 'node:module'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const apiOrigin = `http://localhost:${process.env.PORT ?? 4000}`

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/graphql': apiOrigin, '/exports': apiOrigin } },
  build: {
    rolldownOptions: {
      output: {
        // Libraries change less often than the console: the shell's own stay in separate chunks, cached
        // across releases. The others (charts, date pickers…) go with the screens that import them, each
        // screen a chunk of its own (router.tsx), so the first screen loads only what the shell needs.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/](core|hooks)[\\/]/, priority: 15 },
            {
              name: 'vendor',
              test: /node_modules[\\/](urql|@urql|wonka|@0no-co|@tanstack|i18next|react-i18next|graphql-sse)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  test: {
    // Component tests reach the real API in-process (src/testing/api.tsx): like the API's own config,
    // load one copy of graphql (the CommonJS one Yoga and Pothos use), so its `instanceof` checks hold.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
    environment: './src/testing/jsdom-environment.ts',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-setup.ts'],
    // The first render of a file pays for jsdom and Mantine's styles; under Turborepo's parallel load
    // that alone can pass vitest's 5 s default.
    testTimeout: 15_000,
    // Tests against the real API start a seeded database first.
    hookTimeout: 60_000,
  },
})
