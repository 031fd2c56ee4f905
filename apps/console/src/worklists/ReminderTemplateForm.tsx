// An admin edits a worklist's reminder message: the text with its placeholders, checked by the same rule
// as the API (checkReminderText), and shown filled in for an example person as an agent will copy it.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import {
  checkReminderText,
  enumLabels,
  localDateInZone,
  reminderPlaceholders,
  renderReminder,
  type Worklist,
} from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { graphql } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { FormErrorAlert, useFormError } from '../shell/formError.tsx'
import { formFieldOf, TypedErrorFields } from '../shell/typedErrors.ts'

export const ReminderTemplatesQuery = graphql(`
  query ReminderTemplates {
    reminderTemplates {
      list
      text
      version
    }
  }
`)

export const UpdateReminderTemplateMutation = graphql(
  `
    mutation UpdateReminderTemplate($input: UpdateReminderTemplateInput!) {
      updateReminderTemplate(input: $input) {
        __typename
        ... on ReminderTemplate {
          list
          text
          version
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
)

export function ReminderTemplateForm({ list, onClose }: { list: Worklist; onClose: () => void }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const [{ data }] = useQuery({ query: ReminderTemplatesQuery })
  const template = data?.reminderTemplates.find((each) => each.list === list)
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('worklist.reminderTitle', { list: label('Worklist', list) })}
      size="lg"
    >
      {template ? <TemplateText list={list} template={template} onClose={onClose} /> : null}
    </Modal>
  )
}

function TemplateText({
  list,
  template,
  onClose,
}: {
  list: Worklist
  template: { text: string; version: number }
  onClose: () => void
}) {
  const { t } = useTranslation()
  const form = useReminderTextForm(template.text)
  const { problem, clear, invalid, unanswered, failed } = useFormError(form.setErrors, formFieldOf(form))
  const [{ fetching }, update] = useMutation(UpdateReminderTemplateMutation)
  return (
    <form
      noValidate
      aria-label={t('worklist.reminderEdit')}
      onSubmit={form.onSubmit(async (values) => {
        clear()
        const result = await update({ input: { list, version: template.version, text: values.text } })
        const answer = result.data?.updateReminderTemplate
        if (!answer) return unanswered(result.error)
        if (answer.__typename === 'ReminderTemplate') return onClose()
        failed(answer)
      }, invalid)}
    >
      <Stack gap="sm">
        <Textarea
          label={t('worklist.reminderText')}
          description={t('worklist.reminderPlaceholders', {
            placeholders: reminderPlaceholders.map((name) => `{${name}}`).join(', '),
          })}
          required
          autosize
          minRows={3}
          {...form.getInputProps('text')}
        />
        <ReminderExample text={form.getValues().text} />
        <FormErrorAlert problem={problem} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('enrollment.action.back')}
          </Button>
          <Button type="submit" loading={fetching}>
            {t('worklist.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** The text, checked as it is typed: each unknown placeholder said in the reader's language. */
function useReminderTextForm(text: string) {
  const { locale } = useLocale()
  return useForm({
    initialValues: { text },
    validateInputOnChange: true,
    validate: {
      text: (value) =>
        checkReminderText(value)
          .map((problem) => problem.message[locale])
          .join(' ') || null,
    },
  })
}

/** The reminder as a person would read it, for a made-up household. */
function ReminderExample({ text }: { text: string }) {
  const { t } = useTranslation()
  const example = renderReminder(text, {
    name: 'Nguyễn Thị Lan',
    product: enumLabels.vi.Product.HOUSEHOLD_HEALTH_INSURANCE,
    amount: 1_263_600,
    // A list's reminder serves every campaign: its example is dated today in the default zone.
    dueDate: localDateInZone(new Date()),
  })
  return (
    <Stack gap={2} role="region" aria-label={t('worklist.reminderExample')}>
      <Text size="sm" fw={600}>
        {t('worklist.reminderExample')}
      </Text>
      <Text size="sm" c="dimmed">
        {example}
      </Text>
    </Stack>
  )
}
