// Queued exports in GraphQL: the viewer's own exports of the last day that a job writes or has
// written (export-job.ts), with their progress and where the file is downloaded once ready. The
// console lists them beside its export links, so a user who leaves the page finds them again.
import { ExportStatus, type Prisma } from '@tangtoc/db'
import { enumLabels } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Viewer } from '../../context.ts'
import { readableNode } from '../../readable-nodes.ts'
import { labelled } from '../enums.ts'
import { exportFilePath, exportKeptMs } from './export-job.ts'

const ExportStatusEnum = builder.enumType(ExportStatus, {
  name: 'ExportStatus',
  description: 'Where a queued export is: being written, ready to download, or failed.',
  values: labelled(enumLabels.en.ExportStatus),
})

/** The viewer's own exports that are still kept: nobody else's, whatever their role. */
function ownExportsWhere(viewer: Viewer | null): Prisma.ExportWhereInput {
  if (!viewer) return { id: { in: [] } }
  return { requestedById: viewer.userId, createdAt: { gte: new Date(Date.now() - exportKeptMs) } }
}

const ExportNode = builder.prismaNode('Export', {
  id: { field: 'id' },
  description:
    'A spreadsheet export of more rows than are streamed at once (EXPORT_JOB_ROWS): a job writes it, and the user who asked for it downloads it when it is ready, for a day.',
  authScopes: { signedIn: true },
  nullable: true,
  findUnique: readableNode('Export', ownExportsWhere),
  fields: (t) => ({
    fileName: t.exposeString('fileName', { description: 'The file’s name, e.g. ho-so-….xlsx.' }),
    status: t.expose('status', { type: ExportStatusEnum, description: 'Where the export is.' }),
    rowCount: t.exposeInt('rowCount', { description: 'The rows its filter matched when asked for.' }),
    writtenRows: t.exposeInt('writtenRows', { description: 'The rows written so far.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was asked for.' }),
    finishedAt: t.expose('finishedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When its job finished (ready or failed).',
    }),
    failure: t.exposeString('failure', {
      nullable: true,
      description:
        'Why it failed, in Vietnamese and English (its user was deactivated, its writing stopped three times…); null unless FAILED.',
    }),
    downloadPath: t.string({
      description: 'Where the file is downloaded once ready (same credentials): `/exports/files/<id>`.',
      select: { id: true },
      resolve: (queued) => exportFilePath(queued.id),
    }),
  }),
})

builder.queryField('exports', (t) =>
  t.prismaField({
    type: [ExportNode],
    authScopes: { signedIn: true },
    description: 'Your queued exports of the last day, the latest first (at most 20).',
    resolve: (query, _root, _args, context) =>
      context.prisma.export.findMany({
        ...query,
        where: ownExportsWhere(context.viewer),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 20,
      }),
  }),
)
