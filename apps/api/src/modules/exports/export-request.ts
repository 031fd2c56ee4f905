// What every export request shares: its error (a status and a message), its parameters read from the
// URL (a campaign or center by global id or code, a product, a date), and its line in the audit log.
import type { Product } from '@tangtoc/db'
import { isIsoDate, isOneOf, localDateInZone } from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { decodeGlobalId } from '../../global-id.ts'
import { recordAudit } from '../audit/record.ts'
import { seesMasked } from '../people/visibility.ts'
import { products } from '../progress/progress.ts'

export class ExportRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** A campaign (with its time zone, which dates the file) or a center, by global id or by code. */
export async function findByReference(
  context: Context,
  typename: 'Campaign',
  reference: string,
): Promise<{ id: string; code: string; timeZone: string }>
export async function findByReference(
  context: Context,
  typename: 'Center',
  reference: string,
): Promise<{ id: string; code: string }>
export async function findByReference(context: Context, typename: 'Campaign' | 'Center', reference: string) {
  const decoded = decodeGlobalId(reference)
  // Not a global id of the type: a code.
  const where = decoded?.typename === typename ? { id: decoded.id } : { code: reference }
  const found =
    typename === 'Campaign'
      ? await context.prisma.campaign.findUnique({ where, select: { id: true, code: true, timeZone: true } })
      : await context.prisma.center.findUnique({ where, select: { id: true, code: true } })
  if (!found) throw new ExportRequestError(404, `${typename} ${reference} was not found.`)
  return found
}

export function productParam(params: URLSearchParams): Product | null {
  const value = params.get('product')
  if (!value) return null
  if (!products.includes(value as Product)) throw new ExportRequestError(400, `Unknown product ${value}.`)
  return value as Product
}

/**
 * A parameter that lists values, repeated or separated by commas (`status=PAID,CONFIRMED`), each one
 * of `allowed` (`unknown` says what else there is); undefined when none is given.
 */
export function listParam<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
  unknown: (value: string) => string,
): T[] | undefined {
  const values = params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .filter(Boolean)
  for (const value of values) {
    if (!isOneOf(allowed, value)) throw new ExportRequestError(400, unknown(value))
  }
  return values.length > 0 ? (values as T[]) : undefined
}

export function dateParam(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)
  if (!value) return null
  if (!isIsoDate(value)) throw new ExportRequestError(400, `${name} must be a date written YYYY-MM-DD.`)
  return value
}

/** An export in the audit log: who (the actor), the filter as the URL gave it, how many rows. */
export async function recordExport(context: Context, path: string, params: URLSearchParams, rows: number) {
  const filter: Record<string, string> = {}
  for (const name of new Set(params.keys())) filter[name] = params.getAll(name).join(',')
  await recordAudit(context.prisma, context, {
    action: 'export.download',
    entityType: 'Export',
    entityId: path.slice(path.lastIndexOf('/') + 1),
    after: { filter, rows, masked: seesMasked(context) },
  })
}

/** The day a file is dated by: today in the campaign's time zone (the default zone when it spans campaigns). */
export function fileDay(campaign: { timeZone: string } | null): string {
  return localDateInZone(new Date(), campaign?.timeZone)
}
