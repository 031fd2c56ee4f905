// `/exports/participants.csv|xlsx?product=…`: the participant list of one product in the shape Social
// Insurance receives it (forms D05-TS and D03-TS), with the enrollment list's filters. Its columns are the
// shared data file's (participantLists: headers, order, which value fills each), so an officer who
// corrects the file changes the export without code; the rows, scope and masking are the enrollment
// export's.

import { labelOf, type ParticipantListField, participantLists } from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { identifiersShown } from '../people/visibility.ts'
import type { CsvValue } from './csv.ts'
import { type EnrollmentRow, readEnrollments } from './enrollment-rows.ts'
import { ExportRequestError, fileDay, productParam } from './export-request.ts'
import type { SheetExport } from './sheets.ts'

/** What fills each field of a column, for a row (its number in the list, from 1) as the viewer may see it. */
function fieldValues(
  shown: ReturnType<typeof identifiersShown>,
): Record<ParticipantListField, (row: EnrollmentRow, number: number) => CsvValue> {
  return {
    rowNumber: (_, number) => number,
    fullName: (row) => row.fullName,
    socialInsuranceNumber: (row) => row.socialInsuranceNumber,
    citizenId: (row) => shown.citizenId(row.citizenId),
    dateOfBirth: (row) => row.dateOfBirth,
    sex: (row) => labelOf('Sex', row.sex, 'vi'),
    phone: (row) => shown.phone(row.phone),
    address: (row) => row.address,
    ward: (row) => row.wardName,
    occupationGroup: (row) => row.occupationGroup && labelOf('AudienceGroup', row.occupationGroup, 'vi'),
    monthlyIncome: (row) => row.monthlyIncome,
    months: (row) => row.months,
    householdPosition: (row) => row.householdPosition,
    periodStart: (row) => row.periodStart,
    periodEnd: (row) => row.periodEnd,
    gross: (row) => row.gross,
    support: (row) => row.support,
    payable: (row) => row.payable,
    center: (row) => row.centerName,
    blank: () => null,
  }
}

export async function participantsSheet(context: Context, params: URLSearchParams): Promise<SheetExport> {
  const product = productParam(params)
  if (!product) {
    throw new ExportRequestError(
      400,
      'Name the product: ?product=VOLUNTARY_SOCIAL_INSURANCE or HOUSEHOLD_HEALTH_INSURANCE (Chọn sản phẩm).',
    )
  }
  const list = participantLists.lists[product]
  const { campaign, rowCount, batches } = await readEnrollments(context, params)
  const values = fieldValues(identifiersShown(context))
  const fills = list.columns.map((column) => values[column.field])
  let number = 0
  async function* sheetRows(): AsyncGenerator<CsvValue[][]> {
    for await (const rows of batches) {
      yield rows.map((row) => {
        number++
        return fills.map((fill) => fill(row, number))
      })
    }
  }
  return {
    sheet: {
      name: list.sheetName,
      header: list.columns.map((column) => column.header),
      batches: sheetRows(),
    },
    filename: `${list.form.toLowerCase()}-${campaign?.code ?? 'tat-ca'}-${fileDay(campaign)}`,
    rowCount,
  }
}
