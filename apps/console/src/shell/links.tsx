// Mantine's anchors and nav links, navigating through the router (typed routes, preloading, active state).
import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from '@mantine/core'
import { createLink } from '@tanstack/react-router'
import type { ComponentPropsWithRef } from 'react'
import { useTranslation } from 'react-i18next'

type Anchored<P> = P & Omit<ComponentPropsWithRef<'a'>, keyof P>

export const AnchorLink = createLink((props: Anchored<AnchorProps>) => <Anchor {...props} />)

export const NavLinkLink = createLink((props: Anchored<NavLinkProps>) => <NavLink {...props} />)

export const ButtonLink = createLink((props: Anchored<ButtonProps>) => <Button component="a" {...props} />)

const backToList = {
  '/campaigns': 'campaign.backToList',
  '/enrollments': 'enrollment.backToList',
  '/sessions': 'session.backToList',
} as const

/** "← Back to the list", above a record's screen. */
export function BackToList({ to }: { to: keyof typeof backToList }) {
  const { t } = useTranslation()
  return (
    <AnchorLink to={to} size="sm">
      ← {t(backToList[to])}
    </AnchorLink>
  )
}
