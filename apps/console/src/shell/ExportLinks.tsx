// Downloads of what a screen shows, with its filters, as CSV or Excel: the API's /exports, with the
// same session, scope and masking as the screen (a viewer's citizen IDs and phones are masked). Plain
// links: a small export downloads at once (the API sends it as an attachment); a large one is queued
// and the API sends the browser on to /exports, where it is shown pending, then ready.
import { Anchor, Group, Text } from '@mantine/core'
import { type Product, participantLists } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'

/** What the API exports: `/exports/<what>.csv|.xlsx`. */
export type Exported = 'enrollments' | 'progress' | 'worklist' | 'participants'

/** `/exports/<what>.<format>?…` with the filters that are set (a list is repeated, comma-joined). */
export function exportHref(
  what: Exported,
  format: 'csv' | 'xlsx',
  filters: Record<string, string | readonly string[] | undefined>,
): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(filters)) {
    if (value === undefined || value.length === 0) continue
    params.set(name, typeof value === 'string' ? value : value.join(','))
  }
  const query = params.toString()
  return `/exports/${what}.${format}${query ? `?${query}` : ''}`
}

export function ExportLinks({
  what,
  filters,
  product,
}: {
  what: Exported
  filters: Record<string, string | readonly string[] | undefined>
  /** An enrollment list filtered to one product also offers that product's list for Social Insurance. */
  product?: Product | null
}) {
  const { t } = useTranslation()
  return (
    <Group gap="xs" className="no-print">
      <Text size="sm" c="dimmed">
        {t('export.download')}
      </Text>
      <Anchor href={exportHref(what, 'xlsx', filters)} size="sm">
        {t('export.xlsx')}
      </Anchor>
      <Anchor href={exportHref(what, 'csv', filters)} size="sm">
        {t('export.csv')}
      </Anchor>
      {product && (
        <Anchor href={exportHref('participants', 'xlsx', { ...filters, product })} size="sm">
          {t('export.participants', { form: participantLists.lists[product].form })}
        </Anchor>
      )}
    </Group>
  )
}
