import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const apiOrigin = `http://localhost:${process.env.PORT ?? 4000}`

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/graphql': apiOrigin } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-setup.ts'],
  },
})
