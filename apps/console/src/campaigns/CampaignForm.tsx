// Create a campaign (as a draft) or edit one that is not closed; the API's typed errors land beside
// their field, and what the admin typed stays.
import { Button, Group, NumberInput, Select, Stack, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import {
  type CountDay,
  type CountedParticipants,
  countDays,
  countedParticipantsValues,
} from '@tangtoc/shared'
import { useNavigate, useParams } from '@tanstack/react-router'
import type { FormEvent, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { AdminOnly } from '../auth/AdminOnly.tsx'
import { CenterPicker } from '../centers/CenterPicker.tsx'
import { graphql, type ResultOf } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { DateField } from '../shell/DateField.tsx'
import { FormErrorAlert, type FormProblem, useFormError } from '../shell/formError.tsx'
import { AnchorLink, BackToList } from '../shell/links.tsx'
import { formFieldOf, TypedErrorFields } from '../shell/typedErrors.ts'
import { CampaignByCode } from './CampaignByCode.tsx'

/** What the form reads of a campaign, and what saving it gives back for the cache. */
const CampaignFormFields = graphql(`
  fragment CampaignFormFields on Campaign @_unmask {
    id
    code
    name
    description
    startDate
    endDate
    status
    version
    countParticipants
    countOn
    registrationMarginDays
  }
`)

export const CreateCampaignMutation = graphql(
  `
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      __typename
      ... on CreateCampaignPayload {
        campaign {
          ...CampaignFormFields
        }
      }
      ...TypedErrorFields
    }
  }
`,
  [TypedErrorFields, CampaignFormFields],
)

export const UpdateCampaignMutation = graphql(
  `
  mutation UpdateCampaign($input: UpdateCampaignInput!) {
    updateCampaign(input: $input) {
      __typename
      ... on UpdateCampaignPayload {
        campaign {
          ...CampaignFormFields
        }
      }
      ...TypedErrorFields
    }
  }
`,
  [TypedErrorFields, CampaignFormFields],
)

export const EditCampaignQuery = graphql(
  `
  query EditCampaign($code: String!) {
    campaign(code: $code) {
      ...CampaignFormFields
    }
  }
`,
  [CampaignFormFields],
)

type CampaignValues = {
  code: string
  name: string
  description: string
  startDate: string
  endDate: string
  participants: string[]
  countParticipants: CountedParticipants
  countOn: CountDay
  registrationMarginDays: number | string
}

/** A new campaign's counting rules: the launch campaign's. */
const launchRules = { countParticipants: 'NEW', countOn: 'PAYMENT_DAY', registrationMarginDays: 0 } as const

/** The counting rules as the API takes them. */
function rulesOf(values: CampaignValues) {
  return {
    countParticipants: values.countParticipants,
    countOn: values.countOn,
    registrationMarginDays: Number(values.registrationMarginDays) || 0,
  }
}

function useCampaignForm(initial: CampaignValues) {
  const { t } = useTranslation()
  return useForm<CampaignValues>({
    mode: 'controlled',
    initialValues: initial,
    validateInputOnChange: true,
    validate: {
      code: (value) => (value.trim() ? null : t('form.required')),
      name: (value) => (value.trim() ? null : t('form.required')),
      startDate: (value) => (value ? null : t('form.required')),
      endDate: (value, values) =>
        !value
          ? t('form.required')
          : values.startDate && value < values.startDate
            ? t('campaign.endBeforeStart')
            : null,
    },
  })
}

function CampaignFields({ form, creating }: { form: ReturnType<typeof useCampaignForm>; creating: boolean }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <>
      {creating ? <TextInput label={t('campaign.code')} required {...form.getInputProps('code')} /> : null}
      <TextInput label={t('campaign.name')} required {...form.getInputProps('name')} />
      <Textarea
        label={t('campaign.description')}
        autosize
        minRows={2}
        {...form.getInputProps('description')}
      />
      <Group grow>
        <DateField label={t('campaign.startDate')} required {...form.getInputProps('startDate')} />
        <DateField label={t('campaign.endDate')} required {...form.getInputProps('endDate')} />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('campaign.countParticipants')}
          description={t('campaign.countParticipantsHint')}
          allowDeselect={false}
          data={countedParticipantsValues.map((value) => ({
            value,
            label: label('CountedParticipants', value),
          }))}
          {...form.getInputProps('countParticipants')}
        />
        <Select
          label={t('campaign.countOn')}
          description={t('campaign.countOnHint')}
          allowDeselect={false}
          data={countDays.map((value) => ({ value, label: label('CountDay', value) }))}
          {...form.getInputProps('countOn')}
        />
      </Group>
      <NumberInput
        label={t('campaign.registrationMarginDays')}
        description={t('campaign.registrationMarginDaysHint')}
        min={0}
        max={366}
        allowDecimal={false}
        allowNegative={false}
        {...form.getInputProps('registrationMarginDays')}
      />
      {creating ? (
        <CenterPicker
          label={t('campaign.participants')}
          value={form.values.participants}
          onChange={(ids) => form.setFieldValue('participants', ids)}
          error={form.errors.participants}
        />
      ) : null}
    </>
  )
}

export function NewCampaignPage() {
  return (
    <AdminOnly>
      <CreateCampaignForm />
    </AdminOnly>
  )
}

function CreateCampaignForm() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [{ fetching }, createCampaign] = useMutation(CreateCampaignMutation)
  const form = useCampaignForm({
    code: '',
    name: '',
    description: '',
    startDate: '',
    endDate: '',
    participants: [],
    ...launchRules,
  })

  const { problem, clear, invalid, unanswered, failed } = useFormError(form.setErrors, formFieldOf(form))

  const submit = form.onSubmit(async (values) => {
    clear()
    const outcome = await createCampaign({
      input: {
        code: values.code.trim(),
        name: values.name.trim(),
        description: values.description.trim() || null,
        startDate: values.startDate,
        endDate: values.endDate,
        participants: values.participants,
        ...rulesOf(values),
      },
    })
    const result = outcome.data?.createCampaign
    if (!result) return unanswered(outcome.error)
    if (result.__typename === 'CreateCampaignPayload')
      return navigate({ to: '/campaigns/$code/targets', params: { code: result.campaign.code } })
    failed(result)
  }, invalid)

  return (
    <CampaignFormPage
      back={<BackToList to="/campaigns" />}
      title={t('campaign.create')}
      submitLabel={t('campaign.create')}
      onSubmit={submit}
      busy={fetching}
      problem={problem}
    >
      <CampaignFields form={form} creating />
    </CampaignFormPage>
  )
}

export function EditCampaignPage() {
  const { code } = useParams({ from: '/campaigns/$code/edit' })
  return (
    <AdminOnly>
      <CampaignByCode code={code} query={EditCampaignQuery}>
        {(campaign, reload) => <EditCampaignForm campaign={campaign} onReload={reload} />}
      </CampaignByCode>
    </AdminOnly>
  )
}

type EditedCampaign = ResultOf<typeof CampaignFormFields>

/** The form's values for a campaign as it was read. */
function valuesOf(campaign: EditedCampaign): CampaignValues {
  return {
    code: campaign.code,
    name: campaign.name,
    description: campaign.description ?? '',
    startDate: campaign.startDate,
    endDate: campaign.endDate,
    participants: [],
    countParticipants: campaign.countParticipants,
    countOn: campaign.countOn,
    registrationMarginDays: campaign.registrationMarginDays,
  }
}

function EditCampaignForm({ campaign, onReload }: { campaign: EditedCampaign; onReload: () => void }) {
  const { t } = useTranslation()
  const form = useCampaignForm(valuesOf(campaign))
  const { submit, fetching, problem } = useUpdateCampaign(campaign, form)
  return (
    <CampaignFormPage
      back={
        <AnchorLink to="/campaigns/$code" params={{ code: campaign.code }} size="sm">
          ← {campaign.code}
        </AnchorLink>
      }
      title={t('campaign.edit')}
      submitLabel={t('form.save')}
      onSubmit={submit}
      busy={fetching}
      problem={problem}
      onReload={onReload}
    >
      <CampaignFields form={form} creating={false} />
    </CampaignFormPage>
  )
}

/** Saves the edit at the version the form read, then shows the campaign; a refusal stays on the form. */
function useUpdateCampaign(campaign: EditedCampaign, form: ReturnType<typeof useCampaignForm>) {
  const navigate = useNavigate()
  const [{ fetching }, updateCampaign] = useMutation(UpdateCampaignMutation)
  const { problem, clear, invalid, unanswered, failed } = useFormError(form.setErrors, formFieldOf(form))
  const submit = form.onSubmit(async (values) => {
    clear()
    const outcome = await updateCampaign({
      input: {
        campaign: campaign.id,
        version: campaign.version,
        name: values.name.trim(),
        description: values.description.trim() || null,
        startDate: values.startDate,
        endDate: values.endDate,
        ...rulesOf(values),
      },
    })
    const result = outcome.data?.updateCampaign
    if (!result) return unanswered(outcome.error)
    if (result.__typename === 'UpdateCampaignPayload')
      return navigate({ to: '/campaigns/$code', params: { code: result.campaign.code } })
    failed(result)
  }, invalid)
  return { submit, fetching, problem }
}

/** The page around a campaign's fields: the way back, the title, what kept it from saving, and the button. */
function CampaignFormPage({
  back,
  title,
  submitLabel,
  onSubmit,
  busy,
  problem,
  onReload,
  children,
}: {
  back: ReactNode
  title: string
  submitLabel: string
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void
  busy: boolean
  problem: FormProblem | null
  onReload?: () => void
  children: ReactNode
}) {
  return (
    <Stack maw={640}>
      {back}
      <Title order={2}>{title}</Title>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack>
          {children}
          <FormErrorAlert problem={problem} onReload={onReload} />
          <Group>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}
