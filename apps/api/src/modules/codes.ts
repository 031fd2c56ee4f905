// The short codes campaigns and centers are known by: letters, digits, ".", "_" or "-", at most 40.
import { type Issue, issue } from '@tangtoc/shared'

const codePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/

/** The code trimmed; an issue at `code` when it is not in the format. */
export function checkCode(value: string, issues: Issue[]): string {
  const code = value.trim()
  if (!codePattern.test(code)) issues.push(issue('code', 'CODE_FORMAT'))
  return code
}
