import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import {
  audienceGroups,
  campaignTimeZone,
  type SessionKind,
  sessionKinds,
  type VenueKind,
  venueKinds,
} from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { useViewer } from '../auth/viewer.tsx'
import { useCampaignCenterChoice } from '../campaigns/campaignCenterChoice.tsx'
import { WardPicker } from '../centers/WardPicker.tsx'
import { graphql } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { DateField } from '../shell/DateField.tsx'
import { FormErrorAlert, useFormError } from '../shell/formError.tsx'
import { AnchorLink } from '../shell/links.tsx'
import { formFieldOf, TypedErrorFields } from '../shell/typedErrors.ts'
import { fromZonedInput, offsetName, toZonedInput } from '../shell/zonedTime.ts'

export const CreateOutreachSessionMutation = graphql(
  `
    mutation CreateOutreachSession($input: CreateOutreachSessionInput!) {
      createOutreachSession(input: $input) {
        __typename
        ... on CreateOutreachSessionPayload {
          outreachSession {
            id
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
)

export const UpdateOutreachSessionMutation = graphql(
  `
    mutation UpdateOutreachSession($input: UpdateOutreachSessionInput!) {
      updateOutreachSession(input: $input) {
        __typename
        ... on UpdateOutreachSessionPayload {
          outreachSession {
            id
            version
            title
            kind
            venueKind
            address
            startsAt
            endsAt
            audiences
            notes
            ward {
              code
              fullName
              nameEn
            }
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
)

export type SessionValues = {
  campaign: string | null
  center: string | null
  title: string
  kind: SessionKind | null
  venueKind: VenueKind | null
  address: string
  wardCode: string | null
  startsAt: string
  endsAt: string
  audiences: string[]
  notes: string
}

/** What the API knows of a session being edited. */
export type EditedSession = {
  id: string
  version: number
  /** Its times are entered in its campaign's time zone. */
  campaign: { timeZone: string }
  title: string
  kind: SessionKind
  venueKind: VenueKind
  address: string | null
  ward: { code: string } | null
  startsAt: string
  endsAt: string
  audiences: readonly string[]
  notes: string | null
}

/** A session is planned in a campaign under way or being prepared. */
const plannedCampaigns = { status: ['ACTIVE' as const, 'DRAFT' as const] }

type CampaignCenterChoice = ReturnType<typeof useCampaignCenterChoice>

/** Plans a session (no `session` given) or edits one; times are entered in the campaign's time zone. */
export function SessionForm({
  session,
  onSaved,
  onCancel,
}: {
  session?: EditedSession
  onSaved: (id: string) => void
  onCancel?: () => void
}) {
  const { t } = useTranslation()
  const form = useSessionForm(session)
  const { choice, timeZone } = useSessionPlace(form, session)
  const { problem, clear, invalid, unanswered, failed } = useFormError(form.setErrors, formFieldOf(form))
  const [created, create] = useMutation(CreateOutreachSessionMutation)
  const [updated, update] = useMutation(UpdateOutreachSessionMutation)

  const submit = form.onSubmit(async (submitted) => {
    clear()
    const common = sessionInput(submitted, timeZone)
    const result = session
      ? await update({ input: { session: session.id, version: session.version, ...common } }).then((r) => ({
          outcome: r.data?.updateOutreachSession,
          error: r.error,
        }))
      : await create({
          input: { campaign: submitted.campaign ?? '', center: submitted.center ?? '', ...common },
        }).then((r) => ({ outcome: r.data?.createOutreachSession, error: r.error }))
    const outcome = result.outcome
    if (!outcome) return unanswered(result.error)
    if ('outreachSession' in outcome) return onSaved(outcome.outreachSession.id)
    failed(outcome)
  }, invalid)

  return (
    <form noValidate onSubmit={submit} aria-label={session ? t('session.edit') : t('session.plan')}>
      <Stack gap="sm">
        {session ? null : <SessionPlaceFields form={form} choice={choice} />}
        <SessionDetailFields form={form} timeZone={timeZone} />
        <FormErrorAlert problem={problem} />
        <Group gap="sm">
          <Button type="submit" loading={created.fetching || updated.fetching}>
            {session ? t('session.save') : t('session.plan')}
          </Button>
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('session.back')}
            </Button>
          ) : (
            <AnchorLink to="/sessions" size="sm">
              {t('session.back')}
            </AnchorLink>
          )}
        </Group>
      </Stack>
    </form>
  )
}

type SessionFormState = UseFormReturnType<SessionValues>

/**
 * A new session's campaign and center to choose, and the zone its times are entered in: an edited
 * session's campaign's, else the chosen campaign's, else (none chosen yet) the default zone.
 */
function useSessionPlace(form: SessionFormState, session: EditedSession | undefined) {
  const values = form.getValues()
  const choice = useCampaignCenterChoice({
    filter: plannedCampaigns,
    campaign: values.campaign,
    center: values.center,
    choose: form.setFieldValue,
    pause: Boolean(session),
  })
  return { choice, timeZone: session?.campaign.timeZone ?? choice.campaign?.timeZone ?? campaignTimeZone }
}

/** The form's values, from the session edited (or empty for a new one), checked as they change. */
function useSessionForm(session: EditedSession | undefined): SessionFormState {
  const { t } = useTranslation()
  return useForm<SessionValues>({
    initialValues: {
      campaign: null,
      center: null,
      title: session?.title ?? '',
      kind: session?.kind ?? null,
      venueKind: session?.venueKind ?? null,
      address: session?.address ?? '',
      wardCode: session?.ward?.code ?? null,
      startsAt: session ? toZonedInput(session.startsAt, session.campaign.timeZone) : '',
      endsAt: session ? toZonedInput(session.endsAt, session.campaign.timeZone) : '',
      audiences: [...(session?.audiences ?? [])],
      notes: session?.notes ?? '',
    },
    validateInputOnChange: true,
    validate: {
      campaign: (value) => (session || value ? null : t('session.errors.required')),
      center: (value) => (session || value ? null : t('session.errors.required')),
      title: (value) => (value.trim() ? null : t('session.errors.required')),
      kind: (value) => (value ? null : t('session.errors.required')),
      venueKind: (value) => (value ? null : t('session.errors.required')),
      startsAt: (value) => (fromZonedInput(value) ? null : t('session.errors.required')),
      endsAt: (value, values) =>
        !fromZonedInput(value)
          ? t('session.errors.required')
          : fromZonedInput(values.startsAt) && value <= values.startsAt
            ? t('session.errors.endsBeforeStart')
            : null,
    },
  })
}

/** What a new session and an edited one both send, its times read in the campaign's zone. */
function sessionInput(submitted: SessionValues, timeZone: string) {
  return {
    title: submitted.title.trim(),
    kind: submitted.kind as SessionKind,
    venueKind: submitted.venueKind as VenueKind,
    address: submitted.address.trim() || null,
    wardCode: submitted.wardCode,
    startsAt: fromZonedInput(submitted.startsAt, timeZone) ?? '',
    endsAt: fromZonedInput(submitted.endsAt, timeZone) ?? '',
    audiences: submitted.audiences as never[],
    notes: submitted.notes.trim() || null,
  }
}

/** A new session's campaign and center, the only ones open to the viewer, chosen for them when there is one. */
function SessionPlaceFields({ form, choice }: { form: SessionFormState; choice: CampaignCenterChoice }) {
  const { t } = useTranslation()
  const viewer = useViewer()
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t('session.campaign')}
        required
        searchable
        description={choice.campaignsNote}
        data={choice.campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name }))}
        {...form.getInputProps('campaign')}
      />
      <Select
        label={t('session.center')}
        required
        searchable
        readOnly={viewer.role === 'AGENT'}
        description={choice.centersNote}
        data={choice.centers.map((center) => ({ value: center.id, label: center.name }))}
        {...form.getInputProps('center')}
      />
    </SimpleGrid>
  )
}

/** What the session is, where and when (in `timeZone`), and for whom. */
function SessionDetailFields({ form, timeZone }: { form: SessionFormState; timeZone: string }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const zoneHint =
    timeZone === campaignTimeZone
      ? t('session.timeZoneHint')
      : t('session.timeZoneHintOther', { zone: timeZone, offset: offsetName(timeZone) })
  return (
    <>
      <TextInput label={t('session.title')} required {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('session.kind')}
          required
          data={sessionKinds.map((value) => ({ value, label: label('SessionKind', value) }))}
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('session.venueKind')}
          required
          data={venueKinds.map((value) => ({ value, label: label('VenueKind', value) }))}
          {...form.getInputProps('venueKind')}
        />
        <DateField
          label={t('session.startsAt')}
          description={zoneHint}
          withTime
          required
          {...form.getInputProps('startsAt')}
        />
        <DateField
          label={t('session.endsAt')}
          description={zoneHint}
          withTime
          required
          {...form.getInputProps('endsAt')}
        />
        <TextInput label={t('session.address')} {...form.getInputProps('address')} />
        <WardPicker
          label={t('session.ward')}
          value={form.getValues().wardCode}
          onChange={(code) => form.setFieldValue('wardCode', code)}
          error={form.errors.wardCode as string | undefined}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('session.audiences')}
        data={audienceGroups.map((value) => ({ value, label: label('AudienceGroup', value) }))}
        {...form.getInputProps('audiences')}
      />
      <Textarea label={t('session.notes')} rows={2} {...form.getInputProps('notes')} />
    </>
  )
}
