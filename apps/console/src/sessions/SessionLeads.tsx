// On a session's page: the people consulted there who did not register (leads), and a form to record
// one or correct it — name, phone, citizen id if given, what they asked about, a note. They appear on the LEADS worklist until they
// register or a follow-up closes them.
import { Button, Checkbox, Group, Modal, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { formatPhoneNational, type Product, products } from '@tangtoc/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { graphql } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { FormErrorAlert, useFormError } from '../shell/formError.tsx'
import { Empty } from '../shell/QueryState.tsx'
import { formFieldOf, TypedErrorFields } from '../shell/typedErrors.ts'

export const SessionLeadsQuery = graphql(`
  query SessionLeads($id: ID!) {
    node(id: $id) {
      __typename
      ... on OutreachSession {
        id
        leads(first: 100) {
          edges {
            node {
              id
              fullName
              phone
              citizenId
              products
              note
              version
            }
          }
        }
      }
    }
  }
`)

export const RecordLeadMutation = graphql(
  `
    mutation RecordLead($input: RecordLeadInput!) {
      recordLead(input: $input) {
        __typename
        ... on RecordLeadPayload {
          lead {
            id
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
)

export const UpdateLeadMutation = graphql(
  `
    mutation UpdateLead($input: UpdateLeadInput!) {
      updateLead(input: $input) {
        __typename
        ... on UpdateLeadPayload {
          lead {
            id
            version
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
)

type StoredLead = {
  id: string
  fullName: string
  phone: string
  citizenId: string | null
  products: readonly Product[]
  note: string | null
  version: number
}

export function SessionLeads({ session, writable }: { session: string; writable: boolean }) {
  const { t } = useTranslation()
  const [{ data }, reexecute] = useQuery({ query: SessionLeadsQuery, variables: { id: session } })
  // The form: a new lead (true), one to correct, or closed (false).
  const [recording, setRecording] = useState<StoredLead | boolean>(false)
  const leads =
    data?.node?.__typename === 'OutreachSession' ? data.node.leads.edges.map((edge) => edge.node) : []
  return (
    <section aria-labelledby="session-leads">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="session-leads">
          {t('lead.title', { count: leads.length })}
        </Title>
        {writable ? (
          <Button size="xs" variant="light" onClick={() => setRecording(true)}>
            {t('lead.record')}
          </Button>
        ) : null}
      </Group>
      {leads.length === 0 ? (
        <Empty>{t('lead.none')}</Empty>
      ) : (
        <LeadTable leads={leads} writable={writable} onEdit={setRecording} />
      )}
      {recording ? (
        <LeadForm
          session={session}
          lead={recording === true ? null : recording}
          onClose={(recorded) => {
            setRecording(false)
            if (recorded) reexecute({ requestPolicy: 'network-only' })
          }}
        />
      ) : null}
    </section>
  )
}

/** The session's leads, each correctable where the session is still open to them. */
function LeadTable({
  leads,
  writable,
  onEdit,
}: {
  leads: readonly StoredLead[]
  writable: boolean
  onEdit: (lead: StoredLead) => void
}) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <Table striped aria-labelledby="session-leads">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('lead.fullName')}</Table.Th>
          <Table.Th scope="col">{t('lead.phone')}</Table.Th>
          <Table.Th scope="col">{t('lead.products')}</Table.Th>
          <Table.Th scope="col">{t('lead.note')}</Table.Th>
          {writable ? <Table.Th scope="col">{t('worklist.actions')}</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {leads.map((lead) => (
          <Table.Tr key={lead.id}>
            <Table.Td>{lead.fullName}</Table.Td>
            <Table.Td>{formatPhoneNational(lead.phone)}</Table.Td>
            <Table.Td>{lead.products.map((product) => label('Product', product)).join(', ')}</Table.Td>
            <Table.Td>
              <Text size="sm">{lead.note ?? ''}</Text>
            </Table.Td>
            {writable ? (
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="light"
                  aria-label={t('lead.editFor', { name: lead.fullName })}
                  onClick={() => onEdit(lead)}
                >
                  {t('lead.edit')}
                </Button>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

type LeadValues = { fullName: string; phone: string; citizenId: string; products: Product[]; note: string }

function LeadForm({
  session,
  lead,
  onClose,
}: {
  session: string
  /** The lead to correct; null to record a new one. */
  lead: StoredLead | null
  onClose: (recorded: boolean) => void
}) {
  const { t } = useTranslation()
  const form = useLeadForm(lead)
  const { problem, clear, invalid, unanswered, failed } = useFormError(form.setErrors, formFieldOf(form))
  const [recorded, record] = useMutation(RecordLeadMutation)
  const [updated, update] = useMutation(UpdateLeadMutation)
  const title = lead ? t('lead.editFor', { name: lead.fullName }) : t('lead.record')
  return (
    <Modal opened onClose={() => onClose(false)} title={title}>
      <form
        noValidate
        aria-label={title}
        onSubmit={form.onSubmit(async (values) => {
          clear()
          const fields = {
            fullName: values.fullName.trim(),
            phone: values.phone.trim(),
            products: values.products,
            citizenId: values.citizenId.trim() || null,
            note: values.note.trim() || null,
          }
          if (lead) {
            const result = await update({ input: { lead: lead.id, version: lead.version, ...fields } })
            const answer = result.data?.updateLead
            if (!answer) return unanswered(result.error)
            if (answer.__typename === 'UpdateLeadPayload') return onClose(true)
            return failed(answer)
          }
          const result = await record({ input: { session, ...fields } })
          const answer = result.data?.recordLead
          if (!answer) return unanswered(result.error)
          if (answer.__typename === 'RecordLeadPayload') return onClose(true)
          failed(answer)
        }, invalid)}
      >
        <Stack gap="sm">
          <LeadFields form={form} />
          <FormErrorAlert problem={problem} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => onClose(false)}>
              {t('enrollment.action.back')}
            </Button>
            <Button type="submit" loading={recorded.fetching || updated.fetching}>
              {t('worklist.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** A lead's values, a correction starting from what is stored; a name and a phone are required. */
function useLeadForm(lead: StoredLead | null) {
  const { t } = useTranslation()
  return useForm<LeadValues>({
    initialValues: {
      fullName: lead?.fullName ?? '',
      phone: lead?.phone ?? '',
      citizenId: lead?.citizenId ?? '',
      products: [...(lead?.products ?? [])],
      note: lead?.note ?? '',
    },
    validate: {
      fullName: (value) => (value.trim() ? null : t('form.required')),
      phone: (value) => (value.trim() ? null : t('form.required')),
    },
  })
}

/** Name, phone, citizen ID, the products they asked about, and a note. */
function LeadFields({ form }: { form: UseFormReturnType<LeadValues> }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <>
      <TextInput label={t('lead.fullName')} required {...form.getInputProps('fullName')} data-autofocus />
      <TextInput label={t('lead.phone')} required {...form.getInputProps('phone')} />
      <TextInput label={t('lead.citizenId')} {...form.getInputProps('citizenId')} />
      <Checkbox.Group label={t('lead.products')} {...form.getInputProps('products')}>
        <Group gap="md" mt={4}>
          {products.map((product) => (
            <Checkbox key={product} value={product} label={label('Product', product)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Textarea label={t('lead.note')} rows={2} {...form.getInputProps('note')} />
    </>
  )
}
