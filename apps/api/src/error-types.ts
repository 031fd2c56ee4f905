// The GraphQL side of the typed errors in errors.ts.
import { encodeGlobalID } from '@pothos/plugin-relay'
import { builder } from './builder.ts'
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  LimitExceededError,
  NotFoundError,
  StaleObjectError,
  TooManyAttemptsError,
  type UserError,
  ValidationError,
} from './errors.ts'

export const UserErrorInterface = builder.interfaceRef<UserError>('UserError').implement({
  description: 'A problem the user can act on, returned as a value by a mutation.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'A stable machine-readable code.' }),
    message: t.exposeString('message', { description: 'What went wrong, in English.' }),
    messageVi: t.exposeString('messageVi', { description: 'What went wrong, in Vietnamese.' }),
  }),
})

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'One invalid input field.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'The path of the field in the input.' }),
    code: t.exposeString('code', { description: 'A stable machine-readable code for the rule broken.' }),
    message: t.string({ description: 'What is wrong, in English.', resolve: (issue) => issue.message.en }),
    messageVi: t.string({
      description: 'What is wrong, in Vietnamese.',
      resolve: (issue) => issue.message.vi,
    }),
  }),
})

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input broke one or more rules; one entry per invalid field.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({
    fieldErrors: t.field({
      type: [FieldErrorRef],
      resolve: (error) => error.fieldErrors,
      description: 'Each invalid field.',
    }),
  }),
})

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'A record the input refers to does not exist or is not visible to you.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity', { description: 'The kind of record, e.g. Campaign.' }),
    reference: t.exposeString('reference', { description: 'The id or code that was given.' }),
  }),
})

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'Your role or your center does not allow this.',
  interfaces: [UserErrorInterface],
})

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The change collides with an existing record, which `existingId` names.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({
    existingId: t.id({
      nullable: true,
      description: 'The global id of the record already holding the place (e.g. the live enrollment).',
      resolve: (error) =>
        error.existing ? encodeGlobalID(error.existing.typename, error.existing.id) : null,
    }),
  }),
})

builder.objectType(StaleObjectError, {
  name: 'StaleObjectError',
  description: 'The version you hold is old: someone changed the record since you read it.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({
    currentVersion: t.exposeInt('currentVersion', { description: 'The version now stored.' }),
  }),
})

builder.objectType(LimitExceededError, {
  name: 'LimitExceededError',
  description: 'You hold as many as allowed already (e.g. working API tokens); give one up first.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({
    limit: t.exposeInt('limit', { description: 'How many are allowed.' }),
  }),
})

builder.objectType(TooManyAttemptsError, {
  name: 'TooManyAttemptsError',
  description:
    'Too many failed attempts: logins for this account or from this client address, or registrations whose identity details did not match the record on file; wait before trying again.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt('retryAfterSeconds', { description: 'How long to wait.' }),
  }),
})
