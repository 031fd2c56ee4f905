import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core'
import type { i18n as I18n } from 'i18next'
import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { type Client, Provider as UrqlProvider } from 'urql'
import { LocalizedDates } from './shell/LocalizedDates.tsx'

// Shades dark enough for WCAG AA contrast (4.5:1) on white: Mantine's defaults (blue 6, gray 6 for
// dimmed text) fall short of it, which axe reports as serious.
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, defaultRadius: 'sm' })

const accessibleContrast: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Text of light badges: green 9 and teal 9 reach only about 4:1 on their tinted background.
    '--mantine-color-green-light-color': '#1e6b2f',
    '--mantine-color-teal-light-color': '#0b5e55',
  },
  dark: {},
})

/** Everything a console screen needs around it: the theme, the GraphQL client and the language. */
export function ConsoleProviders({
  client,
  i18n,
  children,
}: {
  client: Client
  i18n: I18n
  children: ReactNode
}) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={accessibleContrast}>
      <I18nextProvider i18n={i18n}>
        <LocalizedDates>
          <UrqlProvider value={client}>{children}</UrqlProvider>
        </LocalizedDates>
      </I18nextProvider>
    </MantineProvider>
  )
}
