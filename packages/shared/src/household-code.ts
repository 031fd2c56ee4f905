// A household's code: Social Insurance's household code (mã hộ gia đình), which its members' lists
// name it by. The registration form takes it, and an import's household key column holds it: a sheet's
// rows with the code of a household enrolled at their center join it. Its format is not confirmed
// (docs/domain/vn-insurance.md names the term only), so the rule is loose: white space trimmed and runs
// of it made one space, Unicode composed, at most 30 characters, letters and digits, with - . / _ or a
// space between them ("HO-01", "7901234567", and a neighbourhood's own numbering, "Hộ 1").
import { type Failure, failure, issue } from './messages.ts'
import { normalizeOptionalText } from './text/search-key.ts'

export const householdCodeMaxLength = 30

const householdCodePattern = /^[\p{L}\p{N}]+(?:[-./_ ][\p{L}\p{N}]+)*$/u

export type HouseholdCodeResult = { readonly ok: true; readonly code: string | null } | Failure

/** The code as kept (trimmed, composed), or null when none is given; `path` names the field in an issue. */
export function checkHouseholdCode(
  value: string | null | undefined,
  path = 'householdCode',
): HouseholdCodeResult {
  const code = normalizeOptionalText(value)
  if (code === null) return { ok: true, code }
  if (code.length > householdCodeMaxLength || !householdCodePattern.test(code))
    return failure([issue(path, 'HOUSEHOLD_CODE_FORMAT', { max: householdCodeMaxLength })])
  return { ok: true, code }
}
