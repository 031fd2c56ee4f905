// Create a center (below a parent, or as a root) or edit one; the API's errors land beside their field.
import { Group, Select, TextInput } from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { type CenterKind, centerKinds, type Organization, organizations } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { useEnumLabel } from '../i18n/labels.ts'
import { DialogForm } from '../shell/FormButtons.tsx'
import { useFormError } from '../shell/formError.tsx'
import { formFieldOf } from '../shell/typedErrors.ts'
import { CreateCenterMutation, UpdateCenterMutation } from './CenterQueries.ts'
import { CenterSelect } from './CenterSelect.tsx'
import { WardPicker } from './WardPicker.tsx'

export type EditedCenter = {
  id: string
  code: string
  name: string
  kind: CenterKind
  organization: Organization
  address: string | null
  version: number
  parent: { id: string } | null
  ward: { code: string } | null
}

type CenterValues = {
  code: string
  name: string
  kind: CenterKind | null
  organization: Organization | null
  parent: string | null
  address: string
  wardCode: string | null
}

export function CenterForm({
  center,
  parentId,
  onSaved,
  onCancel,
}: {
  /** The center to edit; a new one when absent. */
  center?: EditedCenter
  /** The parent a new center goes below. */
  parentId?: string | null
  onSaved: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [{ fetching: creating }, createCenter] = useMutation(CreateCenterMutation)
  const [{ fetching: updating }, updateCenter] = useMutation(UpdateCenterMutation)
  const form = useCenterForm(center, parentId)
  const { problem, clear, invalid, unanswered, failed } = useFormError(form.setErrors, formFieldOf(form))

  const submit = form.onSubmit(async (values) => {
    clear()
    const common = centerInput(values)
    const outcome = center
      ? await updateCenter({ input: { center: center.id, version: center.version, ...common } })
      : await createCenter({ input: common })
    const result =
      outcome.data && ('updateCenter' in outcome.data ? outcome.data.updateCenter : outcome.data.createCenter)
    if (!result) return unanswered(outcome.error)
    if (result.__typename === 'CreateCenterPayload' || result.__typename === 'UpdateCenterPayload')
      return onSaved()
    failed(result)
  }, invalid)

  return (
    <DialogForm
      label={center ? t('center.edit') : t('center.create')}
      onSubmit={submit}
      problem={problem}
      onCancel={onCancel}
      busy={creating || updating}
    >
      <CenterFields form={form} center={center} />
    </DialogForm>
  )
}

type CenterFormState = UseFormReturnType<CenterValues>

/** The form's values, from the center edited or for a new one below `parentId`. */
function useCenterForm(
  center: EditedCenter | undefined,
  parentId: string | null | undefined,
): CenterFormState {
  const { t } = useTranslation()
  return useForm<CenterValues>({
    mode: 'controlled',
    initialValues: {
      code: center?.code ?? '',
      name: center?.name ?? '',
      kind: center?.kind ?? null,
      organization: center?.organization ?? null,
      parent: center ? (center.parent?.id ?? null) : (parentId ?? null),
      address: center?.address ?? '',
      wardCode: center?.ward?.code ?? null,
    },
    validateInputOnChange: true,
    validate: {
      code: (value) => (value.trim() ? null : t('form.required')),
      name: (value) => (value.trim() ? null : t('form.required')),
      kind: (value) => (value ? null : t('form.required')),
      organization: (value) => (value ? null : t('form.required')),
    },
  })
}

/** What creating a center and updating one both send. */
function centerInput(values: CenterValues) {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    kind: values.kind as CenterKind,
    organization: values.organization as Organization,
    parent: values.parent,
    address: values.address.trim() || null,
    wardCode: values.wardCode,
  }
}

/** A center's fields; its parent is any other center. */
function CenterFields({ form, center }: { form: CenterFormState; center: EditedCenter | undefined }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <>
      <Group grow align="flex-start">
        <TextInput label={t('center.code')} required {...form.getInputProps('code')} />
        <TextInput label={t('center.name')} required {...form.getInputProps('name')} />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('center.kind')}
          required
          data={centerKinds.map((kind) => ({ value: kind, label: label('CenterKind', kind) }))}
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('center.organization')}
          required
          data={organizations.map((value) => ({ value, label: label('Organization', value) }))}
          {...form.getInputProps('organization')}
        />
      </Group>
      <CenterSelect
        label={t('center.parent')}
        placeholder={t('center.noParent')}
        exclude={center?.id}
        {...form.getInputProps('parent')}
      />
      <TextInput label={t('center.address')} {...form.getInputProps('address')} />
      <WardPicker
        label={t('center.ward')}
        value={form.values.wardCode}
        onChange={(code) => form.setFieldValue('wardCode', code)}
        error={form.errors.wardCode as string | undefined}
      />
    </>
  )
}
