// The registerEnrollment mutation and registerMany (an import's chunks): prepare each registration
// (registration-prepare.ts), store them (registration-write.ts), and when what the write assumed has
// changed, prepare again or refuse that one registration alone.
import type { Prisma, Product } from '@tangtoc/db'
import { issue } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Context } from '../../context.ts'
import { ConflictError, mutationErrorTypes, TooManyAttemptsError, UserError } from '../../errors.ts'
import { IdentityMismatch, OnFileWhileThrottled, refusalOnFile } from '../people/identity-mismatches.ts'
import { publishEnrollmentChange } from '../progress/live.ts'
import { uniqueViolationOn } from './changes.ts'
import { EnrollmentNode } from './enrollment.ts'
import { RegistrationNode } from './registration.ts'
import { RegisterEnrollmentInput, type RegisterInput } from './registration-input.ts'
import { type Prepared, prepareRegistration, readKnown } from './registration-prepare.ts'
import {
  type Registered,
  RegistrationChanged,
  type RegistrationUnit,
  storeRegistrations,
} from './registration-write.ts'

const RegisterEnrollmentPayload = builder.objectRef<Registered>('RegisterEnrollmentPayload').implement({
  description: 'The registration as stored, with every enrollment it created.',
  fields: (t) => ({
    registration: t.field({
      type: RegistrationNode,
      description: 'The registration: its enrollments, household and the total payable.',
      resolve: (p) => p.registration,
    }),
    enrollments: t.field({
      type: [EnrollmentNode],
      description: 'Every enrollment created: one per household member enrolled, in register order.',
      resolve: (p) => p.enrollments,
    }),
    enrollment: t.field({
      type: EnrollmentNode,
      description: 'The enrollment of the person the input names (for a person alone, the only one).',
      resolve: (p) => p.enrollment,
    }),
    personReused: t.exposeBoolean('personReused', {
      description: 'True when the person’s citizen ID was already on file and that person was reused.',
    }),
  }),
})

/**
 * The live enrollments some of these people already hold for the product in the campaign, as one
 * ConflictError naming the first one's enrollment, and for a household the members holding them; null
 * when none does.
 */
async function alreadyEnrolled(
  db: Prisma.TransactionClient | Context['prisma'],
  where: { campaignId: string; product: Product; personIds: string[]; household: boolean },
): Promise<ConflictError | null> {
  const taken = await db.enrollment.findMany({
    where: {
      campaignId: where.campaignId,
      product: where.product,
      live: true,
      personId: { in: where.personIds },
    },
    select: { id: true, person: { select: { fullName: true } } },
    orderBy: { id: 'asc' },
  })
  const [first] = taken
  if (!first) return null
  const names = taken.map((enrollment) => enrollment.person.fullName).join(', ')
  const text = where.household
    ? issue('householdMembers', 'HOUSEHOLD_MEMBERS_ALREADY_ENROLLED', { names }).message
    : issue('person', 'PERSON_ALREADY_ENROLLED').message
  return new ConflictError(text, { typename: 'Enrollment', id: first.id })
}

builder.mutationField('registerEnrollment', (t) =>
  t.field({
    type: RegisterEnrollmentPayload,
    description:
      'Registers a person for a product in a campaign at a center, with the contribution quoted by the server; for household health insurance, every member not insured elsewhere at once, each with an enrollment of their own priced at their rank, under one registration. With `household`, the members given join a household already enrolled at the center: each ranks after its members still enrolled and pays for the months left in its period; nobody enrolled earlier is priced again. A live enrollment already held by the person (or a member) for the product in the campaign is a ConflictError naming them, and nothing is written. A citizen ID on file with another name, birth date or sex is one neutral ValidationError (PERSON_IDENTITY_MISMATCH), recorded in the audit log; after five within an hour, registering anyone on file is a TooManyAttemptsError for the rest of it.',
    errors: { types: [...mutationErrorTypes, TooManyAttemptsError] },
    authScopes: { write: true },
    args: { input: t.arg({ type: RegisterEnrollmentInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      try {
        return await register(context, input)
      } catch (error) {
        throw await refusalOnFile(context, error)
      }
    },
  }),
)

/** Registers the input: the one-unit case of registerMany; a refusal is thrown. */
export async function register(context: Context, input: RegisterInput): Promise<Registered> {
  const [outcome] = await registerMany(context, [input])
  if (!outcome) throw new Error('a registration without an outcome')
  if ('refused' in outcome) throw outcome.refused
  return outcome.registered
}

/** What became of one registration of registerMany: stored, or refused (the error the form would get). */
export type RegistrationOutcome = { registered: Registered } | { refused: unknown }

/** Whether an error refuses one registration (its data, its person on file), not the whole run. */
function refuses(error: unknown): boolean {
  return (
    error instanceof UserError || error instanceof IdentityMismatch || error instanceof OnFileWhileThrottled
  )
}

/**
 * Registers the inputs, in one statement when they all go in (storeRegistrations); one by one when
 * one of them spoils it (a person or an enrollment registered meanwhile), so the others still go in
 * and that one gets its own refusal. An error that is no refusal (the database gone) is thrown.
 */
export async function registerMany(
  context: Context,
  inputs: readonly RegisterInput[],
): Promise<RegistrationOutcome[]> {
  if (inputs.length === 1) return [await registerOne(context, inputs[0] as RegisterInput)]
  const known = await readKnown(context, inputs)
  const outcomes: (RegistrationOutcome | null)[] = inputs.map(() => null)
  const units: (RegistrationUnit & { index: number })[] = []
  await Promise.all(
    inputs.map(async (input, index) => {
      try {
        units.push({ input, prepared: await prepareRegistration(context, input, false, known), index })
      } catch (error) {
        if (!refuses(error)) throw error
        outcomes[index] = { refused: error }
      }
    }),
  )
  units.sort((one, other) => one.index - other.index)
  try {
    const stored = await storeRegistrations(context, units)
    stored.forEach((registered, at) => {
      const unit = units[at]
      if (!unit) return
      publishRegistered(context, registered, unit.prepared.center)
      outcomes[unit.index] = { registered }
    })
  } catch (error) {
    if (!(error instanceof RegistrationChanged) && uniqueViolationOn(error) === null) throw error
    for (const { input, index } of units) outcomes[index] = await registerOne(context, input)
  }
  return outcomes.map((outcome) => outcome ?? { refused: new Error('a registration without an outcome') })
}

/** One registration, prepared again while what its write assumed has changed. */
async function registerOne(context: Context, input: RegisterInput): Promise<RegistrationOutcome> {
  try {
    return { registered: await registerPrepared(context, input) }
  } catch (error) {
    if (refuses(error)) return { refused: error }
    throw error
  }
}

function publishRegistered(context: Context, registered: Registered, center: Prepared['center'] | undefined) {
  if (!center) return
  for (const enrollment of registered.enrollments) {
    publishEnrollmentChange(context, { ...enrollment, center }, 'REGISTERED')
  }
}

/** Registers the input, preparing it again while the write finds what it assumed has changed. */
async function registerPrepared(context: Context, input: RegisterInput): Promise<Registered> {
  // Nothing is written when what the write assumed no longer holds: the person is on file (or
  // was just registered by another agent), or a hint from an earlier registration is stale. Then
  // prepare again from what is stored, to reuse the person or report what changed; and name the
  // winner's enrollment when it is the enrollment that collides.
  for (let attempt = 1; ; attempt++) {
    const prepared = await prepareRegistration(context, input, attempt === 1)
    try {
      const [stored] = await storeRegistrations(context, [{ input, prepared }])
      if (!stored) throw new Error('a registration was not stored')
      publishRegistered(context, stored, prepared.center)
      return stored
    } catch (error) {
      if (error instanceof RegistrationChanged) {
        if (attempt < 4) continue
        throw new Error('the person kept changing while being registered')
      }
      const model = uniqueViolationOn(error)
      if (model === 'Person' && attempt < 4) continue
      if (model === 'Enrollment') {
        const citizenIds = (prepared.members ?? [{ person: prepared.person.person, insuredElsewhere: false }])
          .filter((member) => !member.insuredElsewhere)
          .map((member) => member.person.citizenId)
        const people = await context.prisma.person.findMany({
          where: { citizenId: { in: citizenIds } },
          select: { id: true },
        })
        const conflict = await alreadyEnrolled(context.prisma, {
          campaignId: prepared.campaign.id,
          product: input.product,
          personIds: people.map((person) => person.id),
          household: prepared.members !== null,
        })
        if (conflict) throw conflict
      }
      throw error
    }
  }
}
