// Create a user, or change a user's name, role and center; the API's errors land beside their field.
import { Group, PasswordInput, Select, TextInput } from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { type Role, roles } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { CenterSelect } from '../centers/CenterSelect.tsx'
import { useEnumLabel } from '../i18n/labels.ts'
import { DialogForm } from '../shell/FormButtons.tsx'
import { useFormError } from '../shell/formError.tsx'
import { formFieldOf } from '../shell/typedErrors.ts'
import { CreateUserMutation, UpdateUserMutation } from './UserQueries.ts'

export type EditedUser = {
  id: string
  username: string
  displayName: string
  role: Role
  version: number
  center: { id: string } | null
}

type UserValues = {
  username: string
  displayName: string
  role: Role | null
  center: string | null
  password: string
}

export function UserForm({
  user,
  onSaved,
  onCancel,
}: {
  user?: EditedUser
  onSaved: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [{ fetching: creating }, createUser] = useMutation(CreateUserMutation)
  const [{ fetching: updating }, updateUser] = useMutation(UpdateUserMutation)
  const form = useUserForm(user)
  const { problem, clear, invalid, unanswered, failed } = useFormError(form.setErrors, formFieldOf(form))

  const submit = form.onSubmit(async (values) => {
    clear()
    const common = { displayName: values.displayName.trim(), center: values.center }
    const outcome = user
      ? await updateUser({ input: { id: user.id, version: user.version, role: values.role, ...common } })
      : await createUser({
          input: {
            username: values.username.trim(),
            role: values.role as Role,
            password: values.password,
            ...common,
          },
        })
    const result =
      outcome.data && ('updateUser' in outcome.data ? outcome.data.updateUser : outcome.data.createUser)
    if (!result) return unanswered(outcome.error)
    if (result.__typename === 'UserPayload') return onSaved()
    failed(result)
  }, invalid)

  return (
    <DialogForm
      label={user ? t('user.edit') : t('user.create')}
      onSubmit={submit}
      problem={problem}
      onCancel={onCancel}
      busy={creating || updating}
    >
      <UserFields form={form} user={user} />
    </DialogForm>
  )
}

type UserFormState = UseFormReturnType<UserValues>

/** The form's values, from the user edited or empty for a new one (whose username and password are required). */
function useUserForm(user: EditedUser | undefined): UserFormState {
  const { t } = useTranslation()
  return useForm<UserValues>({
    mode: 'controlled',
    initialValues: {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      role: user?.role ?? null,
      center: user?.center?.id ?? null,
      password: '',
    },
    validateInputOnChange: true,
    validate: {
      username: (value) => (user || value.trim() ? null : t('form.required')),
      displayName: (value) => (value.trim() ? null : t('form.required')),
      role: (value) => (value ? null : t('form.required')),
      password: (value) => (user || value ? null : t('form.required')),
    },
  })
}

/** A user's fields; the username is fixed once created, and a password is set only on creating. */
function UserFields({ form, user }: { form: UserFormState; user: EditedUser | undefined }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <>
      <TextInput
        label={t('user.username')}
        required
        disabled={Boolean(user)}
        {...form.getInputProps('username')}
      />
      <TextInput label={t('user.displayName')} required {...form.getInputProps('displayName')} />
      <Group grow align="flex-start">
        <Select
          label={t('user.role')}
          required
          data={roles.map((role) => ({ value: role, label: label('Role', role) }))}
          {...form.getInputProps('role')}
        />
        <CenterSelect label={t('user.center')} {...form.getInputProps('center')} />
      </Group>
      {user ? null : (
        <PasswordInput
          label={t('user.password')}
          description={t('user.passwordHint')}
          required
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
      )}
    </>
  )
}
