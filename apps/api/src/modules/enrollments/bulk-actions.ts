// One lifecycle step on many enrollments (the list's selection): each row is taken as the step's own
// mutation takes it — role, center, status, version, history, audit, rollups — in its own transaction,
// so a refused row changes nothing and stops nothing; the result says, row by row, what happened.
import type { Enrollment } from '@tangtoc/db'
import { issue } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { mutationErrorTypes, UserError, validationErrorFrom } from '../../errors.ts'
import { versionField } from '../versions.ts'
import { EnrollmentActionEnum, EnrollmentNode } from './enrollment.ts'
import { type StepAction, takeStep } from './lifecycle.ts'

/** The most rows one request changes: a page of the list at its largest is 100, "all matching" more. */
export const maxSelection = 1_000

const EnrollmentAtVersionInput = builder.inputType('EnrollmentAtVersionInput', {
  description: 'An enrollment, at the version read.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The enrollment (global id).' }),
    version: versionField(t),
  }),
})

const ApplyEnrollmentActionInput = builder.inputType('ApplyEnrollmentActionInput', {
  description:
    'One step for several enrollments: SUBMIT, ACTIVATE, REJECT or CANCEL (payments: recordPayment).',
  fields: (t) => ({
    action: t.field({ type: EnrollmentActionEnum, required: true, description: 'The step.' }),
    enrollments: t.field({
      type: [EnrollmentAtVersionInput],
      required: true,
      description: `The enrollments, each at its version; at most ${maxSelection.toLocaleString('en')}.`,
    }),
    reason: t.string({ description: 'Why (required to reject or cancel); kept in each history.' }),
  }),
})

interface Outcome {
  id: string
  enrollment: Enrollment | null
  error: UserError | null
}

const EnrollmentActionOutcome = builder.objectRef<Outcome>('EnrollmentActionOutcome').implement({
  description: 'What the step did to one enrollment: the enrollment after it, or why it was refused.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The enrollment, as given.' }),
    result: t.field({
      type: EnrollmentNode,
      description:
        'The enrollment after the step, or why it was refused (its role, center, status or version).',
      errors: { types: mutationErrorTypes, union: { name: 'EnrollmentActionResult' } },
      resolve: (outcome) => {
        // Thrown, for the errors plugin to return it as the union's member.
        if (outcome.error) throw outcome.error
        return outcome.enrollment as Enrollment
      },
    }),
  }),
})

const ApplyEnrollmentActionPayload = builder
  .objectRef<{ outcomes: Outcome[] }>('ApplyEnrollmentActionPayload')
  .implement({
    description: 'Each enrollment’s outcome, in the order given, and how many were done and refused.',
    fields: (t) => ({
      outcomes: t.field({
        type: [EnrollmentActionOutcome],
        description: 'One per enrollment given, in order.',
        resolve: (payload) => payload.outcomes,
      }),
      done: t.int({
        description: 'How many took the step.',
        resolve: (payload) => payload.outcomes.filter((outcome) => outcome.error === null).length,
      }),
      refused: t.int({
        description: 'How many were refused.',
        resolve: (payload) => payload.outcomes.filter((outcome) => outcome.error !== null).length,
      }),
    }),
  })

builder.mutationField('applyEnrollmentAction', (t) =>
  t.field({
    type: ApplyEnrollmentActionPayload,
    description:
      'Takes one lifecycle step on each of several enrollments (a selection in the list), one by one with the same rules as the step’s own mutation; refusals are reported per enrollment and stop nothing.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: ApplyEnrollmentActionInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      if (input.action === 'CONFIRM_PAYMENT') {
        throw validationErrorFrom([issue('action', 'SELECTION_ACTION_IS_PAYMENT')])
      }
      if (input.enrollments.length === 0) throw validationErrorFrom([issue('enrollments', 'SELECTION_EMPTY')])
      if (input.enrollments.length > maxSelection) {
        throw validationErrorFrom([issue('enrollments', 'SELECTION_TOO_LARGE', { max: maxSelection })])
      }
      const action: StepAction = input.action
      const outcomes: Outcome[] = []
      for (const { id, version } of input.enrollments) {
        try {
          const enrollment = await takeStep(context, action, { id, version, reason: input.reason })
          outcomes.push({ id, enrollment, error: null })
        } catch (error) {
          if (!(error instanceof UserError)) throw error
          outcomes.push({ id, enrollment: null, error })
        }
      }
      return { outcomes }
    },
  }),
)
