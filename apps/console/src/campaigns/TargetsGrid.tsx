// /campaigns/$code/targets: the whole target grid, saved in one setCampaignTargets call.
import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { type Product, products } from '@tangtoc/shared'
import { useNavigate, useParams } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { AdminOnly } from '../auth/AdminOnly.tsx'
import { graphql, type ResultOf } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { DateField } from '../shell/DateField.tsx'
import { FormErrorAlert, useFormError } from '../shell/formError.tsx'
import { AnchorLink } from '../shell/links.tsx'
import { Empty } from '../shell/QueryState.tsx'
import { inputPath, TypedErrorFields } from '../shell/typedErrors.ts'
import { CampaignByCode } from './CampaignByCode.tsx'
import {
  cellKey,
  type GridState,
  gridFromTargets,
  type Milestone,
  productTotals,
  rowErrorCell,
  rowsFromGrid,
  wholeCampaign,
} from './targetGrid.ts'

export const TargetGridQuery = graphql(`
  query TargetGrid($code: String!) {
    campaign(code: $code) {
      id
      code
      name
      startDate
      endDate
      version
      targets(first: 100) {
        edges {
          node {
            id
            product
            center {
              id
            }
            dueDate
            label
            count
          }
        }
      }
      centers(first: 100, role: PARTICIPANT) {
        edges {
          node {
            id
            code
            name
          }
        }
      }
    }
  }
`)

export const SetCampaignTargetsMutation = graphql(
  `
  mutation SetCampaignTargets($input: SetCampaignTargetsInput!) {
    setCampaignTargets(input: $input) {
      __typename
      ... on SetCampaignTargetsPayload {
        campaign {
          id
          code
          version
        }
      }
      ...TypedErrorFields
    }
  }
`,
  [TypedErrorFields],
)

type GridCampaign = NonNullable<ResultOf<typeof TargetGridQuery>['campaign']>

export function TargetsGridPage() {
  const { code } = useParams({ from: '/campaigns/$code/targets' })
  return (
    <AdminOnly>
      <CampaignByCode code={code} query={TargetGridQuery}>
        {(campaign, reload) => <TargetsGrid campaign={campaign} onReload={reload} />}
      </CampaignByCode>
    </AdminOnly>
  )
}

const count = (value: number | string): number | '' => (typeof value === 'number' ? value : '')

export function TargetsGrid({ campaign, onReload }: { campaign: GridCampaign; onReload: () => void }) {
  const { t } = useTranslation()
  const centers = campaign.centers.edges.map((edge) => edge.node)
  const centerIds = centers.map((center) => center.id)
  const { grid, errors, setCell, setMilestone, addMilestone, removeMilestone, save, fetching, problem } =
    useTargetsGrid(campaign, centerIds)

  return (
    <Stack gap="lg">
      <AnchorLink to="/campaigns/$code" params={{ code: campaign.code }} size="sm">
        ← {campaign.code}
      </AnchorLink>
      <Title order={2}>{t('target.edit', { name: campaign.name })}</Title>
      <EndTargets
        rows={[{ id: wholeCampaign, name: t('target.wholeCampaign') }, ...centers]}
        grid={grid}
        totals={productTotals(grid, centerIds)}
        errors={errors}
        onCell={setCell}
      />
      <section aria-labelledby="grid-milestones">
        <Title order={3} size="h4" id="grid-milestones" mb="sm">
          {t('target.milestones')}
        </Title>
        {grid.milestones.length === 0 ? <Empty>{t('target.noMilestones')}</Empty> : null}
        <Stack gap="xs">
          {grid.milestones.map((milestone, index) => (
            <MilestoneRow
              key={milestone.key}
              milestone={milestone}
              number={index + 1}
              campaign={campaign}
              errors={errors}
              onChange={(change) => setMilestone(milestone.key, change)}
              onRemove={() => removeMilestone(milestone.key)}
            />
          ))}
        </Stack>
        <Button variant="default" size="xs" mt="sm" onClick={addMilestone}>
          {t('target.addMilestone')}
        </Button>
      </section>
      <FormErrorAlert problem={problem} onReload={onReload} />
      <Group>
        <Button onClick={save} loading={fetching}>
          {t('target.save')}
        </Button>
      </Group>
    </Stack>
  )
}

/** The grid being edited, its cells' and milestones' errors, and saving it whole. */
function useTargetsGrid(campaign: GridCampaign, centerIds: readonly string[]) {
  const navigate = useNavigate()
  const [grid, setGrid] = useState<GridState>(() =>
    gridFromTargets(campaign.targets.edges.map((edge) => edge.node)),
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { problem, clear, unanswered, failed } = useFormError(setErrors)
  const [{ fetching }, setCampaignTargets] = useMutation(SetCampaignTargetsMutation)

  const setCell = (key: string, value: number | '') => {
    setGrid((current) => ({ ...current, cells: { ...current.cells, [key]: value } }))
    setErrors(({ [key]: _, ...rest }) => rest)
  }
  const setMilestone = (key: string, change: Partial<Milestone>) => {
    setGrid((current) => ({
      ...current,
      milestones: current.milestones.map((milestone) =>
        milestone.key === key ? { ...milestone, ...change } : milestone,
      ),
    }))
    setErrors((current) =>
      Object.fromEntries(
        Object.entries(current).filter(
          ([path]) => !Object.keys(change).some((field) => path === `milestone:${key}:${field}`),
        ),
      ),
    )
  }
  const addMilestone = () =>
    setGrid((current) => ({
      ...current,
      milestones: [
        ...current.milestones,
        {
          key: `new-${Date.now()}-${current.milestones.length}`,
          product: '',
          dueDate: '',
          label: '',
          count: '',
        },
      ],
    }))
  const removeMilestone = (key: string) =>
    setGrid((current) => ({ ...current, milestones: current.milestones.filter((m) => m.key !== key) }))

  async function save() {
    clear()
    const { rows, origins } = rowsFromGrid(grid, centerIds)
    const outcome = await setCampaignTargets({
      input: { campaign: campaign.id, version: campaign.version, targets: rows },
    })
    const result = outcome.data?.setCampaignTargets
    if (!result) return unanswered(outcome.error)
    if (result.__typename === 'SetCampaignTargetsPayload')
      return navigate({ to: '/campaigns/$code', params: { code: result.campaign.code } })
    failed(result, (path) => rowErrorCell(inputPath(path), origins))
  }
  return { grid, errors, setCell, setMilestone, addMilestone, removeMilestone, save, fetching, problem }
}

/** The end target of each center and product, with the centers' total against the campaign's. */
// long: one table, its header, a row of inputs per center and the totals row; apart they share every prop
function EndTargets({
  rows,
  grid,
  totals,
  errors,
  onCell,
}: {
  rows: readonly { id: string; name: string }[]
  grid: GridState
  totals: ReturnType<typeof productTotals>
  errors: Record<string, string>
  onCell: (key: string, value: number | '') => void
}) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <section aria-labelledby="grid-end-targets">
      <Title order={3} size="h4" id="grid-end-targets" mb="sm">
        {t('target.endTargets')}
      </Title>
      <Table aria-label={t('target.endTargets')} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('target.center')}</Table.Th>
            {products.map((product) => (
              <Table.Th scope="col" key={product}>
                {label('Product', product)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row" fw={row.id === wholeCampaign ? 700 : 400}>
                {row.name}
              </Table.Th>
              {products.map((product) => {
                const key = cellKey(row.id, product)
                return (
                  <Table.Td key={product}>
                    <NumberInput
                      aria-label={`${row.name} – ${label('Product', product)}`}
                      value={grid.cells[key] ?? ''}
                      onChange={(value) => onCell(key, count(value))}
                      min={0}
                      allowNegative={false}
                      allowDecimal={false}
                      thousandSeparator={t('target.thousandSeparator')}
                      decimalSeparator={t('target.decimalSeparator')}
                      error={errors[key]}
                      hideControls
                    />
                  </Table.Td>
                )
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('target.centersTotal')}</Table.Th>
            {totals.map((total) => (
              <Table.Td key={total.product} data-testid={`total-${total.product}`}>
                <Text
                  size="sm"
                  c={total.over ? 'red' : undefined}
                  fw={total.over ? 700 : 400}
                  role={total.over ? 'alert' : undefined}
                >
                  {total.target === null
                    ? t('target.totalNoCampaignTarget', { total: total.centersTotal })
                    : total.over
                      ? t('target.totalOver', { total: total.centersTotal, target: total.target })
                      : t('target.totalWithin', { total: total.centersTotal, target: total.target })}
                </Text>
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </section>
  )
}

/** One milestone: a date within the campaign, a label, a product (or all) and a count. */
// long: the five controls of one row, each with its label, bounds and error
function MilestoneRow({
  milestone,
  number,
  campaign,
  errors,
  onChange,
  onRemove,
}: {
  milestone: Milestone
  number: number
  campaign: GridCampaign
  errors: Record<string, string>
  onChange: (change: Partial<Milestone>) => void
  onRemove: () => void
}) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const error = (field: string) => errors[`milestone:${milestone.key}:${field}`]
  const name = t('target.milestoneNumber', { number })
  const productOptions = [
    { value: '', label: t('target.allProducts') },
    ...products.map((product) => ({ value: product, label: label('Product', product) })),
  ]
  return (
    <Group align="flex-start" wrap="nowrap" role="group" aria-label={name}>
      <DateField
        label={t('target.dueDate')}
        value={milestone.dueDate}
        minDate={campaign.startDate}
        maxDate={campaign.endDate}
        onChange={(dueDate) => onChange({ dueDate })}
        error={error('dueDate')}
      />
      <TextInput
        label={t('target.label')}
        value={milestone.label}
        onChange={(event) => onChange({ label: event.currentTarget.value })}
        error={error('label')}
      />
      <Select
        label={t('target.product')}
        data={productOptions}
        value={milestone.product}
        allowDeselect={false}
        onChange={(value) => onChange({ product: (value ?? '') as Product | '' })}
        error={error('product')}
      />
      <NumberInput
        label={t('target.count')}
        value={milestone.count}
        min={0}
        allowNegative={false}
        allowDecimal={false}
        thousandSeparator={t('target.thousandSeparator')}
        decimalSeparator={t('target.decimalSeparator')}
        hideControls
        onChange={(value) => onChange({ count: count(value) })}
        error={error('count')}
      />
      <ActionIcon
        variant="subtle"
        color="red"
        mt={26}
        aria-label={t('target.removeMilestone', { number })}
        onClick={onRemove}
      >
        ×
      </ActionIcon>
    </Group>
  )
}
