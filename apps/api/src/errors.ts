// Errors are values: a mutation returns its payload or one of these, typed, for the console to place
// beside the field concerned. Anything else thrown is a bug, masked for the client.
import { describeIssue, type Issue as SharedIssue } from '@tangtoc/shared'
import { GraphQLError } from 'graphql'

/** A text a person reads, in Vietnamese and English. */
export interface LocalizedText {
  vi: string
  en: string
}

/** A problem at one field of the input: GraphQL's FieldError. */
export interface FieldError {
  /** Where in the input, e.g. ['input', 'person', 'citizenId']. */
  path: string[]
  code: string
  message: LocalizedText
}

/**
 * A GraphQLError, so that where no union catches it (a query) it reaches the client unmasked, with its
 * code and Vietnamese text in `extensions`.
 */
export abstract class UserError extends GraphQLError {
  abstract readonly code: string
  readonly messageVi: string

  constructor(text: LocalizedText) {
    super(text.en, { extensions: { messageVi: text.vi } })
    this.messageVi = text.vi
    // Read late: the subclass sets `code` after this constructor. In `extensions` itself, so the code
    // survives graphql-js wrapping the error with its path (a query field refused by its auth scope).
    Object.defineProperty(this.extensions, 'code', { get: () => this.extensionsCode, enumerable: true })
  }

  /** The code in `extensions`, where no union catches the error; the error's own code by default. */
  get extensionsCode(): string {
    return this.code
  }

  override toJSON() {
    const json = super.toJSON()
    return { ...json, extensions: { ...json.extensions, code: this.extensionsCode } }
  }
}

export class ValidationError extends UserError {
  readonly code = 'VALIDATION_FAILED'

  constructor(readonly fieldErrors: FieldError[]) {
    super({
      vi: `Dữ liệu chưa hợp lệ: ${fieldErrors.map((issue) => issue.message.vi).join('; ')}`,
      en: `Invalid input: ${fieldErrors.map((issue) => issue.message.en).join('; ')}`,
    })
    this.extensions.fieldErrors = fieldErrors.map(({ path, code, message }) => ({
      path,
      code,
      message: message.en,
      messageVi: message.vi,
    }))
  }

  /** A query's bad argument, the way GraphQL servers name it: the fields are in `extensions.fieldErrors`. */
  override get extensionsCode(): string {
    return 'BAD_USER_INPUT'
  }
}

export class NotFoundError extends UserError {
  readonly code = 'NOT_FOUND'

  constructor(
    readonly entity: string,
    readonly reference: string,
  ) {
    super({ vi: `Không tìm thấy ${entity} “${reference}”.`, en: `${entity} “${reference}” was not found.` })
  }
}

export class ForbiddenError extends UserError {
  readonly code = 'FORBIDDEN'

  constructor(text: LocalizedText = { vi: 'Bạn không có quyền làm việc này.', en: 'You may not do this.' }) {
    super(text)
  }
}

export class ConflictError extends UserError {
  readonly code = 'CONFLICT'

  constructor(
    text: LocalizedText,
    /** The record already holding the place, e.g. the live enrollment a duplicate collides with. */
    readonly existing: { typename: string; id: string } | null = null,
  ) {
    super(text)
  }
}

export class StaleObjectError extends UserError {
  readonly code = 'STALE_OBJECT'

  constructor(readonly currentVersion: number) {
    super({
      vi: 'Bản ghi đã được người khác sửa. Hãy tải lại rồi thử lại.',
      en: 'Someone else changed this record. Reload it and try again.',
    })
  }
}

export const mutationErrorTypes = [
  ValidationError,
  NotFoundError,
  ForbiddenError,
  ConflictError,
  StaleObjectError,
]

export class TooManyAttemptsError extends UserError {
  readonly code = 'TOO_MANY_ATTEMPTS'

  /** `what` says what failed too often (failed logins unless given). */
  constructor(
    readonly retryAfterSeconds: number,
    what: LocalizedText = { vi: 'Đăng nhập sai quá nhiều lần.', en: 'Too many failed logins.' },
  ) {
    super({
      vi: `${what.vi} Hãy thử lại sau ${retryAfterSeconds} giây.`,
      en: `${what.en} Try again in ${retryAfterSeconds} seconds.`,
    })
  }
}

/** A limit on how many of something one may hold, e.g. working API tokens per user. */
export class LimitExceededError extends UserError {
  readonly code = 'LIMIT_EXCEEDED'

  constructor(
    text: LocalizedText,
    readonly limit: number,
  ) {
    super(text)
  }
}

/** The shared library's validation issues as one ValidationError; `prefix` places them in the input. */
export function validationErrorFrom(issues: readonly SharedIssue[], prefix: readonly string[] = ['input']) {
  return new ValidationError(
    issues.map((problem) => ({
      path: [...prefix, ...problem.path.split('.').filter(Boolean)],
      code: problem.code,
      message: { vi: describeIssue(problem, 'vi'), en: describeIssue(problem, 'en') },
    })),
  )
}
