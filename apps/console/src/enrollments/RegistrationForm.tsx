import {
  Alert,
  Button,
  Grid,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import {
  addDays,
  allowedPaymentPeriods,
  campaignPhase,
  localDateInZone,
  type Product,
  products,
  supportGroups,
} from '@tangtoc/shared'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { isAdmin, useViewer } from '../auth/viewer.tsx'
import { type CampaignChoice, useCampaignCenterChoice } from '../campaigns/campaignCenterChoice.tsx'
import { graphql, type ResultOf } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { sessionChoice } from '../sessions/sessionChoice.ts'
import { DongInput } from '../shell/DongInput.tsx'
import { FormErrorAlert, useFormError } from '../shell/formError.tsx'
import { AnchorLink, BackToList } from '../shell/links.tsx'
import { useSubmitKey } from '../shell/submitKey.ts'
import { localized, TypedErrorFields } from '../shell/typedErrors.ts'
import { HouseholdMembersEditor } from './HouseholdMembersEditor.tsx'
import { LiveQuote, type QuoteFieldErrors, quoteTerms } from './LiveQuote.tsx'
import { PersonFields } from './PersonFields.tsx'
import {
  initialRegistration,
  type RegistrationValues,
  registrationErrors,
  registrationField,
  registrationInput,
} from './registration.ts'

export const RegistrationSessionsQuery = graphql(`
  query RegistrationSessions($sessionFilter: OutreachSessionFilter!) {
    outreachSessions(first: 100, filter: $sessionFilter, orderBy: STARTS_AT_DESC) {
      edges {
        node {
          id
          title
          status
          startsAt
        }
      }
    }
  }
`)

export const RegisterEnrollmentMutation = graphql(
  `
    mutation RegisterEnrollment($input: RegisterEnrollmentInput!) {
      registerEnrollment(input: $input) {
        __typename
        ... on RegisterEnrollmentPayload {
          enrollment {
            id
            status
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
)

type RegistrationFormState = UseFormReturnType<RegistrationValues>
type RegistrationChoice = ReturnType<typeof useCampaignCenterChoice>
type RegistrationSession = ResultOf<
  typeof RegistrationSessionsQuery
>['outreachSessions']['edges'][number]['node']

/**
 * Registers an enrollment: the person, the product and its contribution inputs, a household for HHI.
 * `initial` prefills it (a renewal), `notice` says above it where those values came from.
 */
// long: the form's layout; each section is a component, the alert and the two buttons share its submit
export function RegistrationForm({
  initial = {},
  notice,
}: {
  initial?: Partial<RegistrationValues>
  notice?: React.ReactNode
} = {}) {
  const { t } = useTranslation()
  const timeZone = useRef<string | undefined>(undefined)
  const form = useRegistrationForm(initial, timeZone)
  const values = form.getValues()
  const joining = values.household !== null
  const { choice, sessions, noneRunning } = useRegistrationOptions(form)
  const campaign = choice.campaign
  timeZone.current = campaign?.timeZone
  const [quoteErrors, setQuoteErrors] = useState<QuoteFieldErrors>({})
  const onQuoteErrors = useCallback((errors: QuoteFieldErrors) => setQuoteErrors(errors), [])
  const { submit, saving, problem } = useRegister(form)

  return (
    <Stack gap="lg">
      <BackToList to="/enrollments" />
      <Title order={2}>{t('enrollment.registerTitle')}</Title>
      {notice}
      {noneRunning ? <NoCampaignRunning /> : null}
      <form
        noValidate
        aria-label={t('enrollment.registerTitle')}
        onSubmit={(event) => {
          event.preventDefault()
          void submit('SUBMITTED')
        }}
      >
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="lg">
              <PlacementFields
                form={form}
                choice={choice}
                sessions={sessions}
                timeZone={campaign?.timeZone}
              />
              <Paper withBorder p="md" component="section" aria-labelledby="registration-person">
                <Title order={3} size="h4" mb="sm" id="registration-person">
                  {t('enrollment.person.title')}
                </Title>
                <PersonFields form={form} prefix="person" contact />
              </Paper>
              <ContributionFields form={form} joining={joining} quoteErrors={quoteErrors} />
              {values.product === 'HOUSEHOLD_HEALTH_INSURANCE' ? (
                <Paper withBorder p="md">
                  <HouseholdMembersEditor form={form} joining={joining} />
                </Paper>
              ) : null}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <RegistrationQuote form={form} campaign={campaign} onFieldErrors={onQuoteErrors} />
          </Grid.Col>
        </Grid>
        <Stack mt="md">
          <FormErrorAlert problem={problem} existing={t('enrollment.errors.openExisting')} />
        </Stack>
        <Group mt="lg" gap="sm">
          <Button type="button" variant="default" loading={saving} onClick={() => void submit('DRAFT')}>
            {t('enrollment.saveDraft')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('enrollment.submit')}
          </Button>
        </Group>
      </form>
    </Stack>
  )
}

/**
 * The form's values, prefilled from the address and `initial`, checked in the viewer's language; ages
 * are counted on today in the chosen campaign's time zone (as the API counts them), the default zone
 * until one is chosen.
 */
function useRegistrationForm(
  initial: Partial<RegistrationValues>,
  timeZone: React.RefObject<string | undefined>,
): RegistrationFormState {
  const { locale } = useLocale()
  const prefill = useSearch({ from: '/enrollments/new' })
  const check = useRef({ locale })
  check.current = { locale }

  const form = useForm<RegistrationValues>({
    initialValues: initialRegistration({
      campaign: prefill.campaign ?? null,
      center: prefill.center ?? null,
      session: prefill.session ?? null,
      ...initial,
    }),
    validateInputOnChange: true,
    validate: (values) =>
      registrationErrors(values, { ...check.current, today: localDateInZone(new Date(), timeZone.current) }),
  })
  const values = form.getValues()

  // The citizen ID is checked against the date of birth and sex: a change to either checks it again.
  const identityKey = [values.person, ...values.members.map((member) => member.person)]
    .map((person) => `${person.dateOfBirth}|${person.sex}`)
    .join(',')
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a changed birth date or sex re-checks
  useEffect(() => {
    const paths = ['person', ...values.members.map((_, index) => `members.${index}.person`)]
    for (const path of paths) {
      const id = `${path}.citizenId`
      if (form.isTouched(id) || form.isDirty(id)) form.validateField(id)
    }
  }, [identityKey])
  return form
}

/** The campaigns running today at their own clocks: each keeps its campaign's time zone. */
function runningNow(campaigns: CampaignChoice[]) {
  const now = new Date()
  return campaigns.filter(
    (campaign) => campaignPhase(campaign, localDateInZone(now, campaign.timeZone)) === 'RUNNING',
  )
}

/** The campaigns running today, the centers of the chosen one the viewer registers at, and its sessions. */
function useRegistrationOptions(form: RegistrationFormState) {
  const values = form.getValues()
  const utcToday = localDateInZone(new Date(), 'UTC')
  const choice = useCampaignCenterChoice({
    // Registrations are dated today at the campaign's clock, a day behind or ahead of UTC's at most
    // (from UTC−12 to UTC+14): of the campaigns running on one of those days, the form offers those
    // running today at theirs.
    filter: { status: ['ACTIVE'], overlapping: { from: addDays(utcToday, -1), to: addDays(utcToday, 1) } },
    offered: runningNow,
    role: 'PARTICIPANT',
    campaign: values.campaign,
    center: values.center,
    choose: form.setFieldValue,
  })
  const [{ data: sessions }] = useQuery({
    query: RegistrationSessionsQuery,
    variables: {
      sessionFilter: {
        campaign: choice.campaign?.id ?? '',
        ...(values.center ? { center: values.center } : {}),
        status: ['PLANNED', 'DONE'],
      },
    },
    pause: !choice.campaign,
  })
  return {
    choice,
    sessions: choice.campaign ? (sessions?.outreachSessions.edges ?? []).map((edge) => edge.node) : [],
    noneRunning: choice.listed && choice.campaigns.length === 0,
  }
}

/** Registers the form's values as a draft or submitted, then opens the enrollment. */
function useRegister(form: RegistrationFormState) {
  const navigate = useNavigate()
  const { problem, clear, invalid, unanswered, failed } = useFormError(
    (errors) => form.setErrors({ ...form.errors, ...errors }),
    (path) => registrationField(form.getValues(), path),
  )
  const [{ fetching: saving }, register] = useMutation(RegisterEnrollmentMutation)
  const submitKey = useSubmitKey()

  // A sending the form itself refuses (the second handler) clears the last sending's refusal, which
  // answered other values, and shows the first field to fix.
  const submit = (status: 'DRAFT' | 'SUBMITTED') =>
    form.onSubmit(async (submitted) => {
      clear()
      const input = registrationInput(submitted, status)
      const result = await register({ input }, submitKey.contextFor(input))
      const outcome = result.data?.registerEnrollment
      if (!outcome) return unanswered(result.error)
      submitKey.answered()
      if (outcome.__typename === 'RegisterEnrollmentPayload') {
        await navigate({ to: '/enrollments/$id', params: { id: outcome.enrollment.id } })
        return
      }
      failed(outcome)
    }, invalid)()
  return { submit, saving, problem }
}

/**
 * Registrations are dated today, so only a campaign running today takes them: when none does, the form
 * says so rather than offering an empty list, and shows an admin where campaigns are planned.
 */
function NoCampaignRunning() {
  const { t } = useTranslation()
  const viewer = useViewer()
  return (
    <Alert color="yellow" role="status">
      <Stack gap="xs">
        <Text size="sm">{t('enrollment.noCampaignRunning')}</Text>
        {isAdmin(viewer) ? (
          <AnchorLink to="/campaigns" size="sm">
            {t('enrollment.seeCampaigns')}
          </AnchorLink>
        ) : null}
      </Stack>
    </Alert>
  )
}

/** Where the enrollment is registered: the campaign, the center and the outreach session. */
function PlacementFields({
  form,
  choice,
  sessions,
  timeZone,
}: {
  form: RegistrationFormState
  choice: RegistrationChoice
  sessions: RegistrationSession[]
  /** The chosen campaign's, whose clock its sessions' times read. */
  timeZone: string | undefined
}) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const viewer = useViewer()
  return (
    <Paper withBorder p="md">
      {/* Two to a row: a third of the form cut long names (Bưu điện Trung tâm Nam Sài Gòn) at 1024 px;
          a session's choice (its time and title) takes a row of its own. */}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('enrollment.campaign')}
            required
            searchable
            description={choice.campaignsNote}
            data={choice.campaigns.map((node) => ({ value: node.id, label: node.name }))}
            {...form.getInputProps('campaign')}
            onChange={(value) => {
              form.setFieldValue('campaign', value)
              form.setFieldValue('session', null)
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('enrollment.center')}
            required
            searchable
            readOnly={viewer.role === 'AGENT'}
            description={choice.centersNote}
            data={choice.centers.map((node) => ({ value: node.id, label: node.name }))}
            {...form.getInputProps('center')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Select
            label={t('enrollment.session')}
            clearable
            searchable
            data={sessions.map((node) => sessionChoice(node, intlLocale, timeZone))}
            {...form.getInputProps('session')}
          />
        </Grid.Col>
      </Grid>
    </Paper>
  )
}

/** The product and what its contribution depends on; the quote's own errors show beside the fields. */
// long: one field per contribution input, each with its product's rule and the quote's error
function ContributionFields({
  form,
  joining,
  quoteErrors,
}: {
  form: RegistrationFormState
  joining: boolean
  quoteErrors: QuoteFieldErrors
}) {
  const { t } = useTranslation()
  const { locale } = useLocale()
  const label = useEnumLabel()
  const product = form.getValues().product
  const monthsProps = form.getInputProps('months')
  const incomeProps = form.getInputProps('monthlyIncome')
  const quoteError = (field: string) => {
    const error = quoteErrors[field]
    return error ? localized(error, locale) : undefined
  }
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('enrollment.contribution')}
        </Title>
        <SegmentedControl
          aria-label={t('enrollment.product')}
          disabled={joining}
          data={products.map((value) => ({ value, label: label('Product', value) }))}
          value={product}
          onChange={(value) => {
            form.setFieldValue('product', value as Product)
            form.setFieldValue('months', '12')
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('enrollment.months')}
            required
            data={allowedPaymentPeriods(product).map((months) => ({
              value: String(months),
              label: t('enrollment.monthsValue', { count: months }),
            }))}
            {...monthsProps}
            error={monthsProps.error ?? quoteError('months')}
          />
          {product === 'VOLUNTARY_SOCIAL_INSURANCE' ? (
            <DongInput
              label={t('enrollment.monthlyIncome')}
              required
              min={0}
              {...incomeProps}
              error={incomeProps.error ?? quoteError('monthlyIncome')}
            />
          ) : null}
          <MultiSelect
            label={t('enrollment.supportGroups')}
            data={supportGroups.map((group) => ({
              value: group,
              label: label('SupportGroup', group),
            }))}
            {...form.getInputProps('supportGroups')}
            error={form.errors.supportGroups ?? quoteError('supportGroups')}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}

/** The live quote of the values typed; a member joining a household pays with the household. */
function RegistrationQuote({
  form,
  campaign,
  onFieldErrors,
}: {
  form: RegistrationFormState
  campaign: CampaignChoice | undefined
  onFieldErrors: (errors: QuoteFieldErrors) => void
}) {
  const { t } = useTranslation()
  const values = form.getValues()
  return (
    <Paper withBorder p="md" pos="sticky" top={72}>
      {values.household !== null ? (
        <Text size="sm">{t('enrollment.joiningQuote')}</Text>
      ) : (
        <LiveQuote
          request={{
            product: values.product,
            ...quoteTerms(values),
            householdMembers: values.members.filter((member) => !member.insuredElsewhere).length,
            ...(campaign ? { jurisdiction: campaign.jurisdiction } : {}),
          }}
          onFieldErrors={onFieldErrors}
        />
      )}
    </Paper>
  )
}
