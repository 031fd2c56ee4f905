// What can be done with a campaign from its page: its progress page for everyone; edit, targets, start
// and close for admins.
import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import type { CampaignStatus } from '@tangtoc/shared'
import { createLink } from '@tanstack/react-router'
import type { ComponentPropsWithRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { isAdmin, useViewer } from '../auth/viewer.tsx'
import { graphql } from '../graphql.ts'
import { FormErrorAlert, useFormError } from '../shell/formError.tsx'
import { TypedErrorFields } from '../shell/typedErrors.ts'

const ButtonLink = createLink((props: ComponentPropsWithRef<'a'> & { variant?: string }) => (
  <Button component="a" size="xs" {...props} />
))

export const CloseCampaignMutation = graphql(
  `
  mutation CloseCampaign($input: CampaignStatusChangeInput!) {
    closeCampaign(input: $input) {
      __typename
      ... on CloseCampaignPayload {
        campaign {
          id
          status
          closedAt
          version
        }
      }
      ...TypedErrorFields
    }
  }
`,
  [TypedErrorFields],
)

export const ActivateCampaignMutation = graphql(
  `
  mutation ActivateCampaign($input: CampaignStatusChangeInput!) {
    activateCampaign(input: $input) {
      __typename
      ... on ActivateCampaignPayload {
        campaign {
          id
          status
          version
        }
      }
      ...TypedErrorFields
    }
  }
`,
  [TypedErrorFields],
)

export function CampaignActions({
  campaign,
}: {
  campaign: { id: string; code: string; name: string; status: CampaignStatus; version: number }
}) {
  const { t } = useTranslation()
  const viewer = useViewer()
  const [confirming, { open, close }] = useDisclosure(false)
  const { problem, closing, activating, confirmClose, activate } = useCampaignTransitions(campaign, close)
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <ButtonLink to="/campaigns/$code/progress" params={{ code: campaign.code }}>
          {t('progress.title')}
        </ButtonLink>
        {isAdmin(viewer) && campaign.status !== 'CLOSED' ? (
          <>
            <ButtonLink variant="default" to="/campaigns/$code/edit" params={{ code: campaign.code }}>
              {t('campaign.edit')}
            </ButtonLink>
            <ButtonLink variant="default" to="/campaigns/$code/targets" params={{ code: campaign.code }}>
              {t('target.editShort')}
            </ButtonLink>
            {campaign.status === 'DRAFT' ? (
              <Button size="xs" variant="light" color="green" loading={activating} onClick={activate}>
                {t('campaign.activate')}
              </Button>
            ) : (
              <Button size="xs" variant="light" color="red" onClick={open}>
                {t('campaign.close')}
              </Button>
            )}
          </>
        ) : null}
      </Group>
      <FormErrorAlert problem={problem} />
      <CloseCampaignConfirm
        opened={confirming}
        name={campaign.name}
        closing={closing}
        onCancel={close}
        onConfirm={confirmClose}
      />
    </Stack>
  )
}

/** Closing is confirmed first: a closed campaign no longer changes. */
function CloseCampaignConfirm({
  opened,
  name,
  closing,
  onCancel,
  onConfirm,
}: {
  opened: boolean
  name: string
  closing: boolean
  onCancel: () => void
  onConfirm: () => void
}) {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onCancel} title={t('campaign.closeTitle')}>
      <Text mb="md">{t('campaign.closeConfirm', { name })}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
        <Button color="red" loading={closing} onClick={onConfirm}>
          {t('campaign.close')}
        </Button>
      </Group>
    </Modal>
  )
}

/** Closing and activating a campaign at the version read, each failure said by the form's alert. */
function useCampaignTransitions(campaign: { id: string; version: number }, close: () => void) {
  const { problem, clear, unanswered, failed } = useFormError(() => {})
  const [{ fetching: closing }, closeCampaign] = useMutation(CloseCampaignMutation)
  const [{ fetching: activating }, activateCampaign] = useMutation(ActivateCampaignMutation)
  const input = { campaign: campaign.id, version: campaign.version }

  async function confirmClose() {
    clear()
    const outcome = await closeCampaign({ input })
    const result = outcome.data?.closeCampaign
    close()
    if (!result) unanswered(outcome.error)
    else if (result.__typename !== 'CloseCampaignPayload') failed(result)
  }
  async function activate() {
    clear()
    const outcome = await activateCampaign({ input })
    const result = outcome.data?.activateCampaign
    if (!result) unanswered(outcome.error)
    else if (result.__typename !== 'ActivateCampaignPayload') failed(result)
  }

  return { problem, closing, activating, confirmClose, activate }
}
