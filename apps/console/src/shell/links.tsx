// Mantine's anchors and nav links, navigating through the router (typed routes, preloading, active state).
import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from '@mantine/core'
import { createLink } from '@tanstack/react-router'
import type { ComponentPropsWithRef } from 'react'

type Anchored<P> = P & Omit<ComponentPropsWithRef<'a'>, keyof P>

export const AnchorLink = createLink((props: Anchored<AnchorProps>) => <Anchor {...props} />)

export const NavLinkLink = createLink((props: Anchored<NavLinkProps>) => <NavLink {...props} />)

export const ButtonLink = createLink((props: Anchored<ButtonProps>) => <Button component="a" {...props} />)
