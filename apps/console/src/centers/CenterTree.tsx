// /centers: the organisational tree, each level read when it is opened; admins add and edit centers.
import { ActionIcon, Badge, Box, Button, Group, Modal, Stack, Text, Title } from '@mantine/core'
import { createContext, useContext, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { isAdmin, useViewer } from '../auth/viewer.tsx'
import { type FragmentOf, type ResultOf, readFragment } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { ListState, LoadFailed, Loading } from '../shell/QueryState.tsx'
import { SearchField } from '../shell/SearchField.tsx'
import { CenterForm, type EditedCenter } from './CenterForm.tsx'
import {
  CenterChildrenQuery,
  CenterNodeFields,
  CenterSearchQuery,
  RootCentersQuery,
} from './CenterQueries.ts'

type Editing = { center: EditedCenter } | { parentId: string | null } | null

/**
 * What every row of the tree shares: who may edit, what to open, a count that grows on each save, and
 * the last "expand all" or "collapse all" (its generation grows on each press, so a row follows it once).
 */
const TreeContext = createContext<{
  canEdit: boolean
  edit: (editing: Editing) => void
  saved: number
  expanded: { open: boolean; generation: number }
}>({
  canEdit: false,
  edit: () => {},
  saved: 0,
  expanded: { open: false, generation: 0 },
})

export function CenterTree() {
  const { t } = useTranslation()
  const viewer = useViewer()
  const [editing, setEditing] = useState<Editing>(null)
  const [saved, setSaved] = useState(0)
  const [expanded, setExpanded] = useState({ open: false, generation: 0 })
  const [search, setSearch] = useState('')
  const [{ data, fetching, error }, reexecute] = useQuery({ query: RootCentersQuery })
  useEffect(() => {
    if (saved > 0) reexecute({ requestPolicy: 'network-only' })
  }, [saved, reexecute])
  const roots = data?.centers.edges.map((edge) => edge.node) ?? []

  return (
    <TreeContext.Provider value={{ canEdit: isAdmin(viewer), edit: setEditing, saved, expanded }}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2}>{t('center.tree')}</Title>
          {isAdmin(viewer) ? (
            <Button size="xs" onClick={() => setEditing({ parentId: null })}>
              {t('center.create')}
            </Button>
          ) : null}
        </Group>
        <CenterTreeSearch
          search={search}
          onSearch={setSearch}
          onExpand={(open) => setExpanded(({ generation }) => ({ open, generation: generation + 1 }))}
        />
        {search.trim() !== '' ? (
          <CenterSearchResults search={search.trim()} />
        ) : (
          <ListState
            result={{ fetching, data, error }}
            onRetry={() => reexecute({ requestPolicy: 'network-only' })}
            empty={roots.length === 0 ? t('center.emptyTree') : null}
          >
            <Box component="ul" aria-label={t('center.tree')} p={0} m={0} style={{ listStyle: 'none' }}>
              {roots.map((root) => (
                <CenterBranch key={readFragment(CenterNodeFields, root).id} center={root} />
              ))}
            </Box>
          </ListState>
        )}
      </Stack>
      <CenterEditModal
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null)
          setSaved((count) => count + 1)
        }}
      />
    </TreeContext.Provider>
  )
}

/** The centers a search finds, typed without diacritics or not, each with the centers above it. */
function CenterSearchResults({ search }: { search: string }) {
  const { t } = useTranslation()
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CenterSearchQuery, variables: { search } })
  const found = data?.centers.edges.map((edge) => edge.node) ?? []
  return (
    <ListState
      result={{ fetching, data, error }}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      empty={found.length === 0 ? t('center.noMatch') : null}
    >
      <Box component="ul" aria-label={t('center.searchResults')} p={0} m={0} style={{ listStyle: 'none' }}>
        {found.map((center) => (
          <CenterBranch
            key={readFragment(CenterNodeFields, center).id}
            center={center}
            trail={center.ancestors.map((above) => above.name).join(' › ')}
          />
        ))}
      </Box>
    </ListState>
  )
}

function CenterBranch({
  center: masked,
  trail,
}: {
  center: FragmentOf<typeof CenterNodeFields>
  /** Where the center sits, when it is shown outside the tree (a search result). */
  trail?: string
}) {
  const { t } = useTranslation()
  const { canEdit, expanded } = useContext(TreeContext)
  const center = readFragment(CenterNodeFields, masked)
  const [open, setOpen] = useState(expanded.open)
  useEffect(() => {
    if (expanded.generation > 0) setOpen(expanded.open)
  }, [expanded])
  const hasChildren = center.children.totalCount > 0
  const childrenId = `center-children-${center.id}`

  return (
    <Box component="li" py={4}>
      <Group gap="xs" wrap="nowrap">
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-expanded={open}
            aria-controls={childrenId}
            aria-label={
              open ? t('center.collapse', { name: center.name }) : t('center.expand', { name: center.name })
            }
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'}
          </ActionIcon>
        ) : (
          <Box w={22} />
        )}
        <CenterSummary center={center} trail={trail} />
        {canEdit ? <CenterEditButtons center={center} /> : null}
      </Group>
      {open ? <CenterChildren code={center.code} id={childrenId} /> : null}
    </Box>
  )
}

/** The search, and while none is typed, opening or closing every branch at once. */
function CenterTreeSearch({
  search,
  onSearch,
  onExpand,
}: {
  search: string
  onSearch: (search: string) => void
  onExpand: (open: boolean) => void
}) {
  const { t } = useTranslation()
  return (
    <Group align="flex-end" gap="sm">
      <SearchField
        label={t('center.search')}
        value={search}
        onChange={(words) => onSearch(words ?? '')}
        w={320}
      />
      {search.trim() === '' ? (
        <>
          <Button variant="subtle" size="sm" onClick={() => onExpand(true)}>
            {t('center.expandAll')}
          </Button>
          <Button variant="subtle" size="sm" onClick={() => onExpand(false)}>
            {t('center.collapseAll')}
          </Button>
        </>
      ) : null}
    </Group>
  )
}

/** A center created or edited in a dialog; saving reloads the tree. */
function CenterEditModal({
  editing,
  onClose,
  onSaved,
}: {
  editing: Editing
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      title={editing && 'center' in editing ? t('center.edit') : t('center.create')}
      size="lg"
    >
      {editing ? (
        <CenterForm
          {...('center' in editing ? { center: editing.center } : { parentId: editing.parentId })}
          onCancel={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </Modal>
  )
}

type CenterNode = ResultOf<typeof CenterNodeFields>

/** A center's name, code and kind, where it sits, its organization and address, and its counts. */
function CenterSummary({ center, trail }: { center: CenterNode; trail: string | undefined }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <Stack gap={0} style={{ flex: 1 }}>
      <Group gap="xs">
        <Text fw={600}>{center.name}</Text>
        <Text size="xs" c="dimmed">
          {center.code}
        </Text>
        <Badge size="xs" variant="light">
          {label('CenterKind', center.kind)}
        </Badge>
      </Group>
      {trail ? (
        <Text size="xs" c="dimmed">
          {trail}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {[label('Organization', center.organization), center.address, center.ward?.fullName]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {center.staffCount === null || center.liveEnrollmentCount === null ? null : (
        <Text size="xs">
          {t('center.counts', { staff: center.staffCount, enrollments: center.liveEnrollmentCount })}
        </Text>
      )}
    </Stack>
  )
}

/** Editing the center, or adding one below it (administrators only). */
function CenterEditButtons({ center }: { center: CenterNode }) {
  const { t } = useTranslation()
  const { edit } = useContext(TreeContext)
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-xs"
        variant="subtle"
        aria-label={t('center.editNamed', { name: center.name })}
        onClick={() => edit({ center })}
      >
        {t('center.edit')}
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        aria-label={t('center.createBelow', { name: center.name })}
        onClick={() => edit({ parentId: center.id })}
      >
        {t('center.addChild')}
      </Button>
    </Group>
  )
}

function CenterChildren({ code, id }: { code: string; id: string }) {
  const { saved } = useContext(TreeContext)
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CenterChildrenQuery, variables: { code } })
  useEffect(() => {
    if (saved > 0) reexecute({ requestPolicy: 'network-only' })
  }, [saved, reexecute])
  if (fetching && !data) return <Loading />
  if (error && !data)
    return <LoadFailed error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
  const children = data?.center?.children.edges.map((edge) => edge.node) ?? []
  return (
    <Box component="ul" id={id} pl="lg" m={0} style={{ listStyle: 'none' }}>
      {children.map((child) => (
        <CenterBranch key={readFragment(CenterNodeFields, child).id} center={child} />
      ))}
    </Box>
  )
}
