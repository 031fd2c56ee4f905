import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import './shell/print.css'
import { RouterProvider } from '@tanstack/react-router'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ConsoleProviders } from './ConsoleProviders.tsx'
import { createConsoleClient } from './client.ts'
import { createI18n } from './i18n/i18n.ts'
import { createConsoleRouter } from './router.tsx'

const i18n = createI18n()
const client = createConsoleClient()
const router = createConsoleRouter()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <ConsoleProviders client={client} i18n={i18n}>
      <RouterProvider router={router} />
    </ConsoleProviders>
  </StrictMode>,
)
