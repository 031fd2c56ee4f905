import { createTheme, MantineProvider } from '@mantine/core'
import type { i18n as I18n } from 'i18next'
import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { type Client, Provider as UrqlProvider } from 'urql'

const theme = createTheme({ primaryColor: 'blue', defaultRadius: 'sm' })

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
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <UrqlProvider value={client}>{children}</UrqlProvider>
      </I18nextProvider>
    </MantineProvider>
  )
}
