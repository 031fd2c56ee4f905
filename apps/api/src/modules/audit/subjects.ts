// The name people know an audited record by ("Nguyễn Thị Lan" for her enrollment, a campaign's name,
// a session's title), for the sentences of the audit log: one query per record type per request,
// however long the page (DataLoader batches the events' lookups of one tick).
import DataLoader from 'dataloader'
import type { Context } from '../../context.ts'

type NamesById = Map<string, string>

/** How each audited type is named; an Export is named by its file name, its entity id. */
const namers: Record<string, (context: Context, ids: string[]) => Promise<NamesById>> = {
  Campaign: async ({ prisma }, ids) =>
    byId(
      await prisma.campaign.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
      'name',
    ),
  Center: async ({ prisma }, ids) =>
    byId(
      await prisma.center.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
      'name',
    ),
  OutreachSession: async ({ prisma }, ids) =>
    byId(
      await prisma.outreachSession.findMany({
        where: { id: { in: ids } },
        select: { id: true, title: true },
      }),
      'title',
    ),
  User: async ({ prisma }, ids) =>
    byId(
      await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }),
      'displayName',
    ),
  ApiToken: async ({ prisma }, ids) =>
    byId(
      await prisma.apiToken.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
      'name',
    ),
  Person: async ({ prisma }, ids) =>
    byId(
      await prisma.person.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true } }),
      'fullName',
    ),
  Enrollment: async ({ prisma }, ids) =>
    byId(
      (
        await prisma.enrollment.findMany({
          where: { id: { in: ids } },
          select: { id: true, person: { select: { fullName: true } } },
        })
      ).map((row) => ({ id: row.id, fullName: row.person.fullName })),
      'fullName',
    ),
  // A payment is known by its receipt's number (none for one recorded by confirmEnrollmentPayment).
  Payment: async ({ prisma }, ids) =>
    byId(
      (
        await prisma.payment.findMany({
          where: { id: { in: ids } },
          select: { id: true, receiptNumber: true },
        })
      ).flatMap((row) => (row.receiptNumber ? [{ id: row.id, receiptNumber: row.receiptNumber }] : [])),
      'receiptNumber',
    ),
  Lead: async ({ prisma }, ids) =>
    byId(
      await prisma.lead.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true } }),
      'fullName',
    ),
  // A follow-up is known by whom it followed up: the enrolled person or the lead.
  FollowUp: async ({ prisma }, ids) =>
    byId(
      (
        await prisma.followUp.findMany({
          where: { id: { in: ids } },
          select: {
            id: true,
            enrollment: { select: { person: { select: { fullName: true } } } },
            lead: { select: { fullName: true } },
          },
        })
      ).flatMap((row) => {
        const fullName = row.enrollment?.person.fullName ?? row.lead?.fullName
        return fullName ? [{ id: row.id, fullName }] : []
      }),
      'fullName',
    ),
  ImportBatch: async ({ prisma }, ids) =>
    byId(
      await prisma.importBatch.findMany({ where: { id: { in: ids } }, select: { id: true, fileName: true } }),
      'fileName',
    ),
  Export: async (_context, ids) => new Map(ids.map((id) => [id, id])),
}

function byId<K extends string>(rows: ({ id: string } & Record<K, string>)[], name: K): NamesById {
  return new Map(rows.map((row) => [row.id, row[name]]))
}

const loaders = new WeakMap<Context, DataLoader<string, string | null>>()

/** The record's name, or null for a type without one or a record no longer there. */
export function subjectOf(context: Context, entityType: string, entityId: string): Promise<string | null> {
  let loader = loaders.get(context)
  if (!loader) {
    loader = new DataLoader(async (keys: readonly string[]) => {
      const idsByType = new Map<string, string[]>()
      for (const key of keys) {
        const [type = '', id = ''] = key.split(':')
        idsByType.set(type, [...(idsByType.get(type) ?? []), id])
      }
      const names = new Map<string, string>()
      await Promise.all(
        [...idsByType].map(async ([type, ids]) => {
          const namer = namers[type]
          if (!namer) return
          for (const [id, name] of await namer(context, ids)) names.set(`${type}:${id}`, name)
        }),
      )
      return keys.map((key) => names.get(key) ?? null)
    })
    loaders.set(context, loader)
  }
  return loader.load(`${entityType}:${entityId}`)
}
