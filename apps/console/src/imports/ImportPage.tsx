// /imports: a spreadsheet of people in. Drop the file (CSV or Excel) for a campaign, center and product;
// correct the columns if the guess is wrong; read the preview (nothing is written yet); download the
// rows with errors to fix them; commit, and watch the progress bar. The batches listed below can be
// opened again later: a commit goes on without the page.
import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { formatDong, type ImportField, importFields, type Product, products } from '@tangtoc/shared'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery, useSubscription } from 'urql'
import { useCampaignCenterChoice } from '../campaigns/campaignCenterChoice.tsx'
import type { ResultOf } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { ProgressBar } from '../shell/ProgressBar.tsx'
import { ListState } from '../shell/QueryState.tsx'
import {
  CommitImportBatchMutation,
  ImportBatchesQuery,
  ImportBatchProgressSubscription,
  ImportBatchQuery,
  SetImportColumnsMutation,
} from './ImportQueries.ts'

/** The API's answer to `POST /imports`: the batch, or an error in both languages. */
type UploadAnswer =
  | { id: string; created: boolean; rowCount: number; status: string }
  | { error: { code: string; message: string; messageVi: string } }

export async function uploadImport(
  file: File,
  params: { campaign: string; center: string; product: string; months: number; monthlyIncome?: number },
): Promise<UploadAnswer> {
  const query = new URLSearchParams({
    campaign: params.campaign,
    center: params.center,
    product: params.product,
    months: String(params.months),
    fileName: file.name,
    ...(params.monthlyIncome ? { monthlyIncome: String(params.monthlyIncome) } : {}),
  })
  const response = await fetch(`/imports?${query}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream', 'x-graphql-yoga-csrf': '1' },
    body: file,
  })
  return (await response.json()) as UploadAnswer
}

export function ImportPage() {
  const search = useSearch({ from: '/imports' })
  return (
    <Stack>
      <Title order={2}>{useTranslation().t('import.title')}</Title>
      {search.batch ? <ImportBatchView id={search.batch} /> : <ImportUpload />}
      <ImportBatchList />
    </Stack>
  )
}

/** What a batch's people are enrolled in: a campaign and one of its centers, a product and its terms. */
type UploadTerms = {
  campaign: string | null
  center: string | null
  product: Product
  months: number
  monthlyIncome: number | undefined
}

function ImportUpload() {
  const { locale } = useLocale()
  const navigate = useNavigate({ from: '/imports' })
  const [terms, setTerms] = useState<UploadTerms>({
    campaign: null,
    center: null,
    product: 'HOUSEHOLD_HEALTH_INSURANCE',
    months: 12,
    monthlyIncome: undefined,
  })
  const change = useCallback(
    (patch: Partial<UploadTerms>) => setTerms((previous) => ({ ...previous, ...patch })),
    [],
  )
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  async function send(file: File | undefined) {
    const { campaign, center } = terms
    if (!file || !campaign || !center) return
    setError(null)
    setSending(true)
    try {
      const answer = await uploadImport(file, { ...terms, campaign, center })
      if ('error' in answer) setError(locale === 'vi' ? answer.error.messageVi : answer.error.message)
      else void navigate({ search: { batch: answer.id } })
    } finally {
      setSending(false)
    }
  }
  return (
    <Paper withBorder p="md">
      <Stack>
        <UploadTermsFields terms={terms} onChange={change} />
        <ImportDropZone
          ready={Boolean(terms.campaign && terms.center)}
          sending={sending}
          onFile={(file) => void send(file)}
        />
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  )
}

/** The terms so far, and how a field's change reaches them. */
type UploadTermsProps = { terms: UploadTerms; onChange: (patch: Partial<UploadTerms>) => void }

/** A file is imported into an active campaign. */
const activeCampaigns = { status: ['ACTIVE' as const] }

/** The campaign (a change of campaign forgets the center) and its center, the only ones chosen for the viewer. */
function UploadPlaceFields({ terms, onChange }: UploadTermsProps) {
  const { t } = useTranslation()
  const choose = useCallback(
    (field: 'campaign' | 'center', id: string) => onChange({ [field]: id }),
    [onChange],
  )
  const { campaigns, centers, campaignsNote, centersNote } = useCampaignCenterChoice({
    filter: activeCampaigns,
    role: 'PARTICIPANT',
    campaign: terms.campaign,
    center: terms.center,
    choose,
  })
  return (
    <Group grow>
      <Select
        label={t('import.campaign')}
        data={campaigns.map((each) => ({ value: each.id, label: each.name }))}
        description={campaignsNote}
        searchable
        value={terms.campaign}
        onChange={(value) => onChange({ campaign: value, center: null })}
      />
      <Select
        label={t('import.center')}
        data={centers.map((each) => ({ value: each.id, label: each.name }))}
        description={centersNote}
        value={terms.center}
        onChange={(value) => onChange({ center: value })}
        searchable
      />
    </Group>
  )
}

/** The campaign and its center, the product and its terms. */
function UploadTermsFields({ terms, onChange }: UploadTermsProps) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <>
      <UploadPlaceFields terms={terms} onChange={onChange} />
      <Group grow>
        <Select
          label={t('import.product')}
          data={products.map((each) => ({ value: each, label: label('Product', each) }))}
          value={terms.product}
          onChange={(value) => value && onChange({ product: value as Product })}
          allowDeselect={false}
        />
        <NumberInput
          label={t('import.months')}
          value={terms.months}
          min={1}
          onChange={(value) => onChange({ months: Number(value) || 1 })}
        />
        {terms.product === 'VOLUNTARY_SOCIAL_INSURANCE' ? (
          <NumberInput
            label={t('import.monthlyIncome')}
            value={terms.monthlyIncome}
            thousandSeparator="."
            decimalSeparator=","
            onChange={(value) => onChange({ monthlyIncome: Number(value) || undefined })}
          />
        ) : null}
      </Group>
    </>
  )
}

/** Where the file is dropped, or chosen; neither until the campaign and center are. */
function ImportDropZone({
  ready,
  sending,
  onFile,
}: {
  ready: boolean
  sending: boolean
  onFile: (file: File | undefined) => void
}) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  return (
    <Paper
      withBorder
      p="xl"
      data-testid="import-drop"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault()
        onFile(event.dataTransfer.files[0])
      }}
      style={{ borderStyle: 'dashed', textAlign: 'center', opacity: ready ? 1 : 0.5 }}
    >
      <Stack align="center" gap="xs">
        <Text>{t('import.drop')}</Text>
        <Button variant="light" loading={sending} disabled={!ready} onClick={() => input.current?.click()}>
          {t('import.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          aria-label={t('import.choose')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => onFile(event.currentTarget.files?.[0])}
        />
      </Stack>
    </Paper>
  )
}

type ImportBatch = Extract<NonNullable<ResultOf<typeof ImportBatchQuery>['node']>, { fileName: string }>
type ImportProgress = Pick<ImportBatch, 'status' | 'rowCount' | 'committedCount' | 'refusedCount'>

// long: the batch's parts share the columns being edited, which hold the commit back until they are saved
function ImportBatchView({ id }: { id: string }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const [result, reexecute] = useQuery({ query: ImportBatchQuery, variables: { id } })
  const [{ fetching: saving }, setColumns] = useMutation(SetImportColumnsMutation)
  const [{ fetching: committing }, commit] = useMutation(CommitImportBatchMutation)
  const [live] = useSubscription({ query: ImportBatchProgressSubscription, variables: { batch: id } })
  const [edited, setEdited] = useState<(ImportField | null)[] | null>(null)
  const node = result.data?.node
  const batch = node && 'fileName' in node ? node : null
  if (!batch) {
    return (
      <ListState
        result={{ fetching: result.fetching, data: result.data, error: result.error }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        empty={t('import.notFound')}
      >
        {null}
      </ListState>
    )
  }
  const progress = live.data?.importBatchProgress ?? batch
  const columns = edited ?? batch.columns.map((column) => column.field)

  async function saveColumns() {
    await setColumns({ input: { batch: id, columns } })
    setEdited(null)
    reexecute({ requestPolicy: 'network-only' })
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{batch.fileName}</Title>
        <Text>{label('ImportBatchStatus', progress.status)}</Text>
      </Group>
      {batch.encoding !== 'UNICODE' ? (
        <Alert color="yellow">
          {t('import.converted', { encoding: label('ImportEncoding', batch.encoding) })}
        </Alert>
      ) : null}
      {progress.status !== 'UPLOADED' ? <ImportProgressBar progress={progress} /> : null}
      {batch.status === 'UPLOADED' ? (
        <ImportColumns
          headers={batch.columns.map((column) => column.header)}
          columns={columns}
          onChange={setEdited}
          onSave={saveColumns}
          saving={saving}
          edited={Boolean(edited)}
        />
      ) : null}
      {/* The preview is what a commit would do: once committed, the counts above say what it did. */}
      {batch.status === 'UPLOADED' ? <ImportPreview preview={batch.preview} /> : null}
      <Group>
        <Anchor href={`${batch.errorFilePath}.xlsx`} download>
          {t('import.errorFileXlsx')}
        </Anchor>
        <Anchor href={`${batch.errorFilePath}.csv`} download>
          {t('import.errorFileCsv')}
        </Anchor>
        {batch.status === 'UPLOADED' ? (
          <Button
            loading={committing}
            disabled={batch.preview.validCount === 0 || Boolean(edited)}
            onClick={() => void commit({ input: { batch: id } })}
          >
            {t('import.commit', { count: batch.preview.validCount })}
          </Button>
        ) : null}
      </Group>
    </Stack>
  )
}

/** How far a commit has gone: rows done of all, committed and refused. */
function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const number = (value: number) => value.toLocaleString(intlLocale)
  const done = progress.committedCount + progress.refusedCount
  return (
    <ProgressBar
      label={t('import.progress')}
      done={done}
      total={progress.rowCount}
      text={t('import.progressText', {
        done: number(done),
        total: number(progress.rowCount),
        committed: number(progress.committedCount),
        refused: number(progress.refusedCount),
      })}
    />
  )
}

/** Which field each column of the file holds, as guessed and as corrected before the commit. */
function ImportColumns({
  headers,
  columns,
  onChange,
  onSave,
  saving,
  edited,
}: {
  headers: readonly string[]
  columns: readonly (ImportField | null)[]
  onChange: (columns: (ImportField | null)[]) => void
  onSave: () => Promise<void>
  saving: boolean
  edited: boolean
}) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="md">
      <Title order={4}>{t('import.columns')}</Title>
      <Group align="end">
        {headers.map((header, index) => (
          <Select
            // A column is its place in the file: headers may repeat or be blank.
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns never move
            key={index}
            label={header || `#${index + 1}`}
            w={170}
            clearable
            placeholder={t('import.ignored')}
            data={importFields.map((field) => ({ value: field, label: t(`import.field.${field}`) }))}
            value={columns[index] ?? null}
            onChange={(value) =>
              onChange(
                columns.map((field, at) => (at === index ? ((value as ImportField | null) ?? null) : field)),
              )
            }
          />
        ))}
        <Button onClick={onSave} loading={saving} disabled={!edited}>
          {t('import.saveColumns')}
        </Button>
      </Group>
    </Paper>
  )
}

/** What a commit would do: the counts, the totals per product, the file's problems and the rows refused. */
function ImportPreview({ preview }: { preview: ImportBatch['preview'] }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const { locale, intlLocale } = useLocale()
  const say = (text: { message: string; messageVi: string }) =>
    locale === 'vi' ? text.messageVi : text.message
  const number = (value: number) => value.toLocaleString(intlLocale)
  return (
    <>
      <Group>
        <Text>
          {t('import.counts', {
            rows: number(preview.rowCount),
            valid: number(preview.validCount),
            invalid: number(preview.invalidCount),
            duplicates: number(preview.duplicateCount),
            onFile: number(preview.onFileCount),
          })}
        </Text>
      </Group>
      {preview.joiningCount > 0 ? (
        <Text>
          {t('import.joining', { count: preview.joiningCount, rows: number(preview.joiningCount) })}
        </Text>
      ) : null}
      {preview.totals.map((total) => (
        <Text key={total.product}>
          {t('import.total', {
            product: label('Product', total.product),
            enrollments: number(total.enrollments),
            households: number(total.households),
            payable: formatDong(total.payable, intlLocale),
          })}
        </Text>
      ))}
      {preview.problems.map((problem) => (
        <Alert key={problem.code} color="red">
          {say(problem)}
        </Alert>
      ))}
      {preview.rows.length > 0 ? <RefusedRows rows={preview.rows} /> : null}
    </>
  )
}

/** The rows a commit would refuse, each with its line in the file and what is wrong with it. */
function RefusedRows({ rows }: { rows: ImportBatch['preview']['rows'] }) {
  const { t } = useTranslation()
  const { locale } = useLocale()
  const say = (text: { message: string; messageVi: string }) =>
    locale === 'vi' ? text.messageVi : text.message
  return (
    <Table aria-label={t('import.invalidRows')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('import.line')}</Table.Th>
          <Table.Th>{t('import.field.fullName')}</Table.Th>
          <Table.Th>{t('import.field.citizenId')}</Table.Th>
          <Table.Th>{t('import.errors')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.line}>
            <Table.Td>{row.line}</Table.Td>
            <Table.Td>{row.fullName}</Table.Td>
            <Table.Td>{row.citizenId}</Table.Td>
            <Table.Td>
              {row.issues.map((problem) => (
                <div key={`${problem.field}-${problem.code}`}>
                  {t(`import.field.${problem.field as ImportField}`, { defaultValue: problem.field })}:{' '}
                  {say(problem)}
                </div>
              ))}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function ImportBatchList() {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const { intlLocale } = useLocale()
  const navigate = useNavigate({ from: '/imports' })
  const [result, reexecute] = useQuery({ query: ImportBatchesQuery, requestPolicy: 'cache-and-network' })
  const batches = result.data?.importBatches.edges.map((edge) => edge.node) ?? []
  return (
    <ListState
      result={{ fetching: result.fetching, data: result.data, error: result.error }}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      empty={batches.length === 0 ? t('import.noBatches') : null}
    >
      <Table aria-label={t('import.batches')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.file')}</Table.Th>
            <Table.Th>{t('import.center')}</Table.Th>
            <Table.Th>{t('import.product')}</Table.Th>
            <Table.Th>{t('import.status')}</Table.Th>
            <Table.Th>{t('import.resultHeader')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {batches.map((batch) => (
            <Table.Tr key={batch.id}>
              <Table.Td>
                <Anchor component="button" onClick={() => void navigate({ search: { batch: batch.id } })}>
                  {batch.fileName}
                </Anchor>
              </Table.Td>
              <Table.Td>{batch.center.name}</Table.Td>
              <Table.Td>{label('Product', batch.product)}</Table.Td>
              <Table.Td>{label('ImportBatchStatus', batch.status)}</Table.Td>
              <Table.Td>
                {t('import.resultText', {
                  committed: batch.committedCount.toLocaleString(intlLocale),
                  refused: batch.refusedCount.toLocaleString(intlLocale),
                  rows: batch.rowCount.toLocaleString(intlLocale),
                })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ListState>
  )
}
