// /exports: your exports too large to download at once. An export link that matches more rows than the
// API streams lands here (the API answers it with a redirect): each export shows its progress while a
// job writes it and its file once ready, for a day, so you may leave and come back.
import { Anchor, Stack, Table, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { graphql, type ResultOf } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { ProgressBar } from '../shell/ProgressBar.tsx'
import { ListState } from '../shell/QueryState.tsx'

export const ExportsQuery = graphql(`
  query Exports {
    exports {
      id
      fileName
      status
      rowCount
      writtenRows
      createdAt
      downloadPath
    }
  }
`)

/** How often the list is read again while an export is being written. */
const pollMs = 1_000

export function ExportsPage() {
  const { t } = useTranslation()
  const [result, reexecute] = useQuery({ query: ExportsQuery, requestPolicy: 'cache-and-network' })
  const exports = result.data?.exports ?? []
  const pending = exports.some((each) => each.status === 'PENDING')
  useEffect(() => {
    if (!pending) return
    const timer = setInterval(() => reexecute({ requestPolicy: 'network-only' }), pollMs)
    return () => clearInterval(timer)
  }, [pending, reexecute])
  return (
    <Stack>
      <Title order={2}>{t('export.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('export.explanation')}
      </Text>
      <ListState
        result={{ fetching: result.fetching, data: result.data, error: result.error }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        empty={exports.length === 0 ? t('export.none') : null}
      >
        <Table aria-label={t('export.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('export.file')}</Table.Th>
              <Table.Th>{t('export.status')}</Table.Th>
              <Table.Th>{t('export.rows')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {exports.map((each) => (
              <ExportRow key={each.id} file={each} />
            ))}
          </Table.Tbody>
        </Table>
      </ListState>
    </Stack>
  )
}

/** A file, a link once written; while it is written, how far it has gone. */
function ExportRow({ file }: { file: ResultOf<typeof ExportsQuery>['exports'][number] }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const { intlLocale } = useLocale()
  const number = (value: number) => value.toLocaleString(intlLocale)
  return (
    <Table.Tr>
      <Table.Td>
        {file.status === 'READY' ? <Anchor href={file.downloadPath}>{file.fileName}</Anchor> : file.fileName}
      </Table.Td>
      <Table.Td>{label('ExportStatus', file.status)}</Table.Td>
      <Table.Td>
        {file.status === 'PENDING' ? (
          <ProgressBar
            label={t('export.progress', { file: file.fileName })}
            done={file.writtenRows}
            total={file.rowCount}
            text={t('export.progressText', {
              written: number(file.writtenRows),
              rows: number(file.rowCount),
            })}
          />
        ) : (
          number(file.rowCount)
        )}
      </Table.Td>
    </Table.Tr>
  )
}
