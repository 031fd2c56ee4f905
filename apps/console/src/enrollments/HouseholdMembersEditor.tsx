import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { assignPricingPositions } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { PersonFields } from './PersonFields.tsx'
import { newMember, type RegistrationValues } from './registration.ts'

/**
 * The household register for household health insurance: members in order (the order prices them),
 * one head, those insured elsewhere left out of the ranking. The person enrolled is one of them.
 */
/** `joining`: the members join a household already enrolled, which has its head and its ranks. */
export function HouseholdMembersEditor({
  form,
  joining = false,
}: {
  form: UseFormReturnType<RegistrationValues>
  joining?: boolean
}) {
  const { t } = useTranslation()
  const { members } = form.getValues()
  const ranked = assignPricingPositions(members)
  const listError = form.errors.members as string | undefined

  return (
    <Stack gap="sm" aria-labelledby="household-members">
      <Text fw={600} id="household-members">
        {t('enrollment.household.title')}
      </Text>
      {joining ? null : (
        <TextInput
          label={t('enrollment.household.code')}
          description={t('enrollment.household.codeHint')}
          maw={320}
          {...form.getInputProps('householdCode')}
        />
      )}
      {listError ? (
        <Alert color="red" role="alert">
          {listError}
        </Alert>
      ) : null}
      {members.map((member, index) => (
        <HouseholdMember
          key={member.key}
          form={form}
          member={member}
          index={index}
          count={members.length}
          position={ranked[index]?.pricingPosition}
          joining={joining}
        />
      ))}
      <Group>
        <Button variant="light" onClick={() => form.insertListItem('members', newMember())}>
          {t('enrollment.household.add')}
        </Button>
      </Group>
    </Stack>
  )
}

type MemberProps = {
  form: UseFormReturnType<RegistrationValues>
  index: number
  joining: boolean
}

/** One member's fieldset: their place in the household, then who they are (the person enrolled is filled above). */
function HouseholdMember({
  form,
  member,
  index,
  count,
  position,
  joining,
}: MemberProps & {
  member: RegistrationValues['members'][number]
  count: number
  position: number | null | undefined
}) {
  const { t } = useTranslation()
  const { person } = form.getValues()
  const number = index + 1
  const name = member.self ? person.fullName : member.person.fullName
  const legend = member.self
    ? t('enrollment.household.selfLegend', {
        number,
        name: name || t('enrollment.household.selfUnnamed'),
      })
    : t('enrollment.household.memberLegend', { number, name })
  return (
    <Fieldset legend={legend} aria-label={t('enrollment.household.member', { number })}>
      <Stack gap="sm">
        <Group gap="lg" align="center" wrap="wrap">
          <MemberPlace
            form={form}
            index={index}
            joining={joining}
            position={position}
            isHead={member.isHead}
          />
          <MemberOrder form={form} index={index} count={count} self={member.self} />
        </Group>
        {member.self ? (
          <Text size="sm" c="dimmed">
            {t('enrollment.household.selfHint')}
          </Text>
        ) : (
          <PersonFields form={form} prefix={`members.${index}.person`} />
        )}
      </Stack>
    </Fieldset>
  )
}

/** Head or not, insured elsewhere, relation to the head (not the head's own), and the rank that prices them. */
function MemberPlace({
  form,
  index,
  joining,
  position,
  isHead,
}: MemberProps & { position: number | null | undefined; isHead: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      {joining ? null : (
        <Radio
          name="household-head"
          label={t('enrollment.household.isHead')}
          checked={isHead}
          onChange={() =>
            form.setFieldValue(
              'members',
              form
                .getValues()
                .members.map((other, at) =>
                  at === index ? { ...other, isHead: true, relationToHead: '' } : { ...other, isHead: false },
                ),
            )
          }
        />
      )}
      <Checkbox
        label={t('enrollment.household.insuredElsewhere')}
        {...form.getInputProps(`members.${index}.insuredElsewhere`, { type: 'checkbox' })}
      />
      {isHead ? null : (
        <TextInput
          label={t('enrollment.household.relationToHead')}
          size="xs"
          w={160}
          {...form.getInputProps(`members.${index}.relationToHead`)}
        />
      )}
      <Text size="sm" c="dimmed">
        {joining
          ? t('enrollment.household.joiningPosition')
          : position
            ? t('enrollment.household.pricingPosition', { position })
            : t('enrollment.household.notPriced')}
      </Text>
    </>
  )
}

/** Move up, move down, and remove (the person enrolled stays). */
function MemberOrder({
  form,
  index,
  count,
  self,
}: Omit<MemberProps, 'joining'> & { count: number; self: boolean }) {
  const { t } = useTranslation()
  const number = index + 1
  return (
    <Group gap={4} ml="auto">
      <ActionIcon
        variant="default"
        aria-label={t('enrollment.household.moveUp', { number })}
        disabled={index === 0}
        onClick={() => form.reorderListItem('members', { from: index, to: index - 1 })}
      >
        ↑
      </ActionIcon>
      <ActionIcon
        variant="default"
        aria-label={t('enrollment.household.moveDown', { number })}
        disabled={index === count - 1}
        onClick={() => form.reorderListItem('members', { from: index, to: index + 1 })}
      >
        ↓
      </ActionIcon>
      {self ? null : (
        <Button
          variant="subtle"
          color="red"
          size="xs"
          aria-label={t('enrollment.household.remove', { number })}
          onClick={() => form.removeListItem('members', index)}
        >
          {t('enrollment.household.removeShort')}
        </Button>
      )}
    </Group>
  )
}
