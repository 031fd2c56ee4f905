// A list's saved filters: the built-in ones every user has ("Chờ xác nhận đóng tiền"), the user's own
// (saved through the API, seen only by them), saving the filters in use under a name, and deleting one.
import { ActionIcon, Button, Group, Menu, Popover, Stack, TextInput } from '@mantine/core'
import type { SavedFilterList } from '@tangtoc/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { graphql } from '../graphql.ts'
import { FormErrorAlert, useFormError } from './formError.tsx'
import { TypedErrorFields } from './typedErrors.ts'

export const SavedFiltersQuery = graphql(`
  query SavedFilters($list: SavedFilterList!) {
    savedFilters(list: $list) {
      id
      name
      filter
    }
  }
`)

export const SaveFilterMutation = graphql(
  `
    mutation SaveFilter($input: SaveFilterInput!) {
      saveFilter(input: $input) {
        __typename
        ... on SavedFilterPayload {
          savedFilter {
            id
            name
            filter
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
)

export const DeleteSavedFilterMutation = graphql(
  `
    mutation DeleteSavedFilter($input: DeleteSavedFilterInput!) {
      deleteSavedFilter(input: $input) {
        __typename
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
)

export type NamedFilter<F> = { name: string; filter: F }

export function SavedFilters<F extends object>({
  list,
  builtIn,
  current,
  onApply,
}: {
  list: SavedFilterList
  /** Filters every user has, computed when shown ("today" is today). */
  builtIn: readonly NamedFilter<F>[]
  /** The filters in use, which "save" keeps. */
  current: F
  /** Opens the list with a filter; a saved one is checked by the list as any address would be. */
  onApply: (filter: Record<string, unknown>) => void
}) {
  const { t } = useTranslation()
  const [{ data }, refetch] = useQuery({ query: SavedFiltersQuery, variables: { list } })
  const [, deleteFilter] = useMutation(DeleteSavedFilterMutation)
  const own = data?.savedFilters ?? []
  const reload = () => refetch({ requestPolicy: 'network-only' })

  return (
    <Group gap="xs" wrap="nowrap">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="default" size="sm">
            {t('savedFilter.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('savedFilter.builtIn')}</Menu.Label>
          {builtIn.map((named) => (
            <Menu.Item key={named.name} onClick={() => onApply(named.filter as Record<string, unknown>)}>
              {named.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Label>{t('savedFilter.mine')}</Menu.Label>
          {own.length === 0 ? <Menu.Item disabled>{t('savedFilter.none')}</Menu.Item> : null}
          {own.map((saved) => (
            <OwnFilterItem
              key={saved.id}
              name={saved.name}
              onApply={() => onApply(saved.filter as Record<string, unknown>)}
              onDelete={async () => {
                await deleteFilter({ input: { id: saved.id } })
                reload()
              }}
            />
          ))}
        </Menu.Dropdown>
      </Menu>
      <SaveFilterButton list={list} current={current} onSaved={reload} />
    </Group>
  )
}

/** A filter the user saved: opened by its name, deleted by the cross beside it. */
function OwnFilterItem({
  name,
  onApply,
  onDelete,
}: {
  name: string
  onApply: () => void
  onDelete: () => void
}) {
  const { t } = useTranslation()
  return (
    <Group gap={0} wrap="nowrap">
      <Menu.Item style={{ flex: 1 }} onClick={onApply}>
        {name}
      </Menu.Item>
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={t('savedFilter.delete', { name })}
        onClick={onDelete}
      >
        ✕
      </ActionIcon>
    </Group>
  )
}

/** Saving the current filters under a name the user gives, in a small popover. */
function SaveFilterButton({
  list,
  current,
  onSaved,
}: {
  list: SavedFilterList
  current: object
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const { name, setName, nameError, problem, fetching, submit } = useSaveFilter(list, current, () => {
    setOpened(false)
    onSaved()
  })
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withinPortal trapFocus>
      <Popover.Target>
        <Button variant="subtle" size="sm" onClick={() => setOpened((open) => !open)}>
          {t('savedFilter.save')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit} noValidate aria-label={t('savedFilter.save')}>
          <Stack gap="xs" w={260}>
            <TextInput
              label={t('savedFilter.name')}
              required
              value={name}
              error={nameError}
              onChange={(event) => setName(event.currentTarget.value)}
              data-autofocus
            />
            <FormErrorAlert problem={problem} />
            <Button type="submit" size="xs" loading={fetching}>
              {t('form.save')}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  )
}

/** The name typed and its saving: the API's refusal of the name beside it, the rest above the button. */
function useSaveFilter(list: SavedFilterList, current: object, onSaved: () => void) {
  const [name, setName] = useState('')
  const [nameError, setNameError] = useState<string | undefined>()
  const { problem, clear, unanswered, failed } = useFormError(
    (errors) => setNameError(errors.name),
    (path) => (path.at(-1) === 'name' ? 'name' : null),
  )
  const [{ fetching }, save] = useMutation(SaveFilterMutation)

  async function submit(event: FormEvent) {
    event.preventDefault()
    clear()
    setNameError(undefined)
    const outcome = await save({ input: { list, name, filter: current } })
    const result = outcome.data?.saveFilter
    if (!result) return unanswered(outcome.error)
    if (result.__typename === 'SavedFilterPayload') {
      setName('')
      return onSaved()
    }
    failed(result)
  }
  return { name, setName, nameError, problem, fetching, submit }
}
