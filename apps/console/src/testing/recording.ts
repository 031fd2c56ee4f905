// Answers an operation by name and keeps the variables it was asked with, so a test can say what the
// screen asked the API for: `answers: { Enrollments: recording(asked, () => page) }`.
import type { Answer } from './render.tsx'

export function recording(
  log: Record<string, unknown>[],
  answer: (variables: Record<string, unknown>) => Answer,
): (variables: Record<string, unknown>) => Answer {
  return (variables) => {
    log.push(variables)
    return answer(variables)
  }
}
