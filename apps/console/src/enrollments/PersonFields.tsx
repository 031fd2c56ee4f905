import { Group, Radio, SimpleGrid, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { fullNameMaxLength, sexes } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { WardPicker } from '../centers/WardPicker.tsx'
import { useEnumLabel } from '../i18n/labels.ts'
import { DateField } from '../shell/DateField.tsx'
import type { RegistrationValues } from './registration.ts'

/** A person's identity (and, for the person enrolled, contact) fields under `prefix`. */
export function PersonFields({
  form,
  prefix,
  contact = false,
}: {
  form: UseFormReturnType<RegistrationValues>
  prefix: 'person' | `members.${number}.person`
  contact?: boolean
}) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const field = (name: string) => form.getInputProps(`${prefix}.${name}`)
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
      <TextInput
        label={t('enrollment.person.fullName')}
        required
        maxLength={fullNameMaxLength}
        autoComplete="off"
        {...field('fullName')}
      />
      <TextInput
        label={t('enrollment.person.citizenId')}
        required
        inputMode="numeric"
        maxLength={14}
        autoComplete="off"
        {...field('citizenId')}
      />
      <DateField label={t('enrollment.person.dateOfBirth')} required {...field('dateOfBirth')} />
      <Radio.Group label={t('enrollment.person.sex')} required {...field('sex')}>
        <Group gap="md" mt={6}>
          {sexes.map((sex) => (
            <Radio key={sex} value={sex} label={label('Sex', sex)} />
          ))}
        </Group>
      </Radio.Group>
      {contact ? (
        <>
          <TextInput
            label={t('enrollment.person.phone')}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            {...field('phone')}
          />
          <TextInput label={t('enrollment.person.address')} {...field('address')} />
          <WardPicker
            label={t('enrollment.person.ward')}
            value={form.getValues().person.wardCode}
            onChange={(code) => form.setFieldValue('person.wardCode', code)}
            error={form.errors['person.wardCode'] as string | undefined}
          />
        </>
      ) : null}
    </SimpleGrid>
  )
}
