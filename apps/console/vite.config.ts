import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const apiOrigin = `http://localhost:${process.env.PORT ?? 4000}`

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/graphql': apiOrigin } },
  build: {
    rolldownOptions: {
      output: {
        // Libraries change less often than the console: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, priority: 15 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-setup.ts'],
    // The first render of a file pays for jsdom and Mantine's styles; under Turborepo's parallel load
    // that alone can pass vitest's 5 s default.
    testTimeout: 15_000,
  },
})
