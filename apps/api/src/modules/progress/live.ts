// Live progress over Server-Sent Events. The enrollment mutations publish an EnrollmentChange after
// their transaction commits; the event bus (Redis when REDIS_URL is set) carries it to every instance;
// each subscription lets through only the changes its viewer may read, then resolves its payload as
// that viewer, so a subscriber sees exactly what the same query would show it.
import type { Enrollment, Product } from '@tangtoc/db'
import { toIsoDate } from '@tangtoc/shared'
import { filter, map, pipe, Repeater } from 'graphql-yoga'
import { builder } from '../../builder.ts'
import type { Context, Viewer } from '../../context.ts'
import { ForbiddenError } from '../../errors.ts'
import { idOf, optionalIdOf } from '../../global-id.ts'
import type { EnrollmentChange } from '../../pubsub.ts'
import { canReadCenter } from '../auth/center-access.ts'
import { ProductEnum } from '../enums.ts'
import { CampaignProgressRef } from './campaign-progress.ts'
import { campaignProgress, progressScope } from './progress.ts'

/** At most one progress push per subscriber in this time: a burst of registrations is one recount. */
export const progressPushIntervalMs = 1_000

const enrollmentTopic = 'tangtoc:enrollmentChanged'

builder.subscriptionType({
  description: 'Live updates, over Server-Sent Events (send `Accept: text/event-stream`).',
})

/** The enrollment as the mutations have it after their transaction, with its center's path. */
export type PublishedEnrollment = Pick<
  Enrollment,
  'id' | 'campaignId' | 'centerId' | 'product' | 'status' | 'registeredOn'
> & { center: { path: string } }

/**
 * Tells every subscriber, on every instance, that an enrollment was registered or changed. Call it
 * once the transaction has committed; it never throws (live updates must not fail a mutation).
 */
export function publishEnrollmentChange(
  context: Pick<Context, 'pubsub' | 'log'>,
  enrollment: PublishedEnrollment,
  kind: EnrollmentChange['kind'] = 'REGISTERED',
  previousStatus: EnrollmentChange['previousStatus'] = null,
): void {
  try {
    context.pubsub.publish(enrollmentTopic, enrollment.campaignId, {
      kind,
      enrollmentId: enrollment.id,
      campaignId: enrollment.campaignId,
      centerId: enrollment.centerId,
      centerPath: enrollment.center.path,
      product: enrollment.product,
      status: enrollment.status,
      previousStatus,
      registeredOn: toIsoDate(enrollment.registeredOn) ?? '',
    })
  } catch (error) {
    context.log.error({ err: error }, 'an enrollment change could not be published')
  }
}

function changesVisibleTo(context: Context, viewer: Viewer, campaignId: string) {
  return pipe(
    context.pubsub.subscribe(enrollmentTopic, campaignId),
    filter((change: EnrollmentChange) =>
      canReadCenter(viewer, { id: change.centerId, path: change.centerPath }),
    ),
  )
}

/**
 * `first` at once, then the latest value of `source` at most once per `intervalMs`, after the first of
 * a burst.
 */
function coalesce<T>(first: T, source: AsyncIterableIterator<T>, intervalMs: number): Repeater<T> {
  return new Repeater<T>(async (push, stop) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let latest: T | undefined
    void stop.then(() => {
      clearTimeout(timer)
      void source.return?.()
    })
    void push(first)
    for await (const value of source) {
      latest = value
      timer ??= setTimeout(() => {
        timer = undefined
        void push(latest as T)
      }, intervalMs)
    }
    stop()
  })
}

function signedIn(context: Context): Viewer {
  if (!context.viewer) throw new ForbiddenError()
  return context.viewer
}

builder.subscriptionField('enrollmentRegistered', (t) =>
  t.prismaField({
    type: 'Enrollment',
    authScopes: { signedIn: true },
    description:
      'Each enrollment registered in the campaign from now on, at a center the viewer may read, as the `enrollment` query would show it (masked for a viewer).',
    args: { campaign: t.arg.id({ required: true, description: 'The campaign.' }) },
    subscribe: (_root, args, context) => {
      const viewer = signedIn(context)
      return pipe(
        changesVisibleTo(context, viewer, idOf(args.campaign, 'Campaign', 'campaign')),
        filter((change: EnrollmentChange) => change.kind === 'REGISTERED'),
      )
    },
    resolve: (query, change: EnrollmentChange, _args, context) =>
      context.prisma.enrollment.findUniqueOrThrow({ ...query, where: { id: change.enrollmentId } }),
  }),
)

builder.subscriptionField('campaignProgressChanged', (t) =>
  t.field({
    type: CampaignProgressRef,
    authScopes: { signedIn: true },
    description: `The campaign’s progress, as \`campaignProgress\` with the same arguments gives it to the viewer: at once on subscribing (so a subscriber that reconnects resumes from the latest), then after enrollments it may read are registered or change (at most once a second: a burst is one push).`,
    args: {
      campaign: t.arg.id({ required: true, description: 'The campaign.' }),
      center: t.arg.id({ description: 'Only this center and the centers below it.' }),
      product: t.arg({ type: ProductEnum, description: 'Only this product.' }),
      from: t.arg({ type: 'Date', description: 'The period’s first day, local.' }),
      to: t.arg({ type: 'Date', description: 'The period’s last day, local.' }),
    },
    subscribe: async (_root, args, context) => {
      const viewer = signedIn(context)
      // Refuses a center the viewer may not read before anything is streamed.
      const scope = await progressScope(
        context,
        viewer,
        idOf(args.campaign, 'Campaign', 'campaign'),
        optionalIdOf(args.center, 'Center', 'center'),
      )
      const subtree = scope?.center?.path
      const changes = pipe(
        changesVisibleTo(context, viewer, idOf(args.campaign, 'Campaign', 'campaign')),
        filter(
          (change: EnrollmentChange) =>
            (!subtree || change.centerPath.startsWith(subtree)) &&
            (!args.product || change.product === args.product),
        ),
      )
      // The current progress first: a subscriber that reconnects (its instance died, its network
      // dropped) has the latest at once, whatever changed while it was away; so again when this
      // instance is back on Redis after losing it.
      const resumed = pipe(
        context.pubsub.subscribe('tangtoc:eventsResumed'),
        map(() => null),
      )
      return coalesce<EnrollmentChange | null>(
        null,
        Repeater.merge([changes, resumed]),
        progressPushIntervalMs,
      )
    },
    resolve: async (_change, args, context) => {
      const progress = await campaignProgress(context, signedIn(context), {
        campaignId: idOf(args.campaign, 'Campaign', 'campaign'),
        centerId: optionalIdOf(args.center, 'Center', 'center'),
        product: args.product as Product | null | undefined,
        from: args.from,
        to: args.to,
      })
      if (!progress) throw new ForbiddenError()
      return progress
    },
  }),
)
