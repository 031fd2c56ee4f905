import SchemaBuilder from '@pothos/core'
import ScopeAuthPlugin, { RequestCache } from '@pothos/plugin-scope-auth'
import { execute, parse } from 'graphql'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { typeScopesOnce, typeScopesOnceInner } from './type-scopes-once.ts'

type Card = { number: number; open: boolean }

/** A small schema with the plugins in the API's order, counting how often a type's scopes are evaluated. */
function cardSchema() {
  const evaluated = { scopeMaps: 0, open: 0 }
  const evaluateScopeMap = RequestCache.prototype.evaluateScopeMap
  vi.spyOn(RequestCache.prototype, 'evaluateScopeMap').mockImplementation(function (
    this: RequestCache<never>,
    ...args
  ) {
    evaluated.scopeMaps += 1
    return evaluateScopeMap.apply(this, args)
  })
  type Types = { Context: { signedIn: boolean }; AuthScopes: { signedIn: boolean } }
  const options = {
    plugins: [typeScopesOnce, ScopeAuthPlugin, typeScopesOnceInner],
    scopeAuth: { authScopes: (context: Types['Context']) => ({ signedIn: context.signedIn }) },
  }
  // The options of the API's other plugins (prisma, relay), which this schema does not use, are
  // required by their global types.
  const builder = new SchemaBuilder<Types>(options as ConstructorParameters<typeof SchemaBuilder<Types>>[0])
  const CardRef = builder.objectRef<Card>('Card')
  CardRef.implement({
    authScopes: { signedIn: true },
    fields: (t) => ({
      number: t.exposeInt('number'),
      label: t.string({ resolve: (card) => `card ${card.number}` }),
      secret: t.string({ nullable: true, authScopes: () => false, resolve: () => 'secret' }),
    }),
  })
  const OpenCardRef = builder.objectRef<Card>('OpenCard')
  OpenCardRef.implement({
    authScopes: (card) => {
      evaluated.open += 1
      return card.open
    },
    fields: (t) => ({ number: t.exposeInt('number') }),
  })
  const cards = [1, 2, 3].map((number) => ({ number, open: number !== 2 }))
  builder.queryType({
    fields: (t) => ({
      cards: t.field({ type: [CardRef], resolve: () => cards }),
      openCards: t.field({
        type: [OpenCardRef],
        nullable: { list: false, items: true },
        resolve: () => cards,
      }),
    }),
  })
  const schema = builder.toSchema()
  const run = (query: string, signedIn: boolean) =>
    execute({ schema, document: parse(query), contextValue: { signedIn } })
  return { run, evaluated }
}

describe("an object type's scopes checked once a request", () => {
  afterEach(() => vi.restoreAllMocks())

  it('are checked on the first field of the type, then every field of every object reads without a check', async () => {
    const { run, evaluated } = cardSchema()
    const result = await run('{ cards { number label } }', true)
    expect(result.errors).toBeUndefined()
    expect(result.data).toEqual({
      cards: [1, 2, 3].map((number) => ({ number, label: `card ${number}` })),
    })
    expect(evaluated.scopeMaps).toBe(1)
  })

  it("refuse every object's fields in a request whose scopes fail, and pass again in one where they hold", async () => {
    const { run } = cardSchema()
    const refused = await run('{ cards { number label } }', false)
    expect(refused.data).toEqual({ cards: [1, 2, 3].map(() => ({ number: null, label: null })) })
    expect(refused.errors).toHaveLength(6)
    expect(new Set(refused.errors?.map((error) => error.message))).toEqual(
      new Set(['Not authorized to read fields for Card']),
    )
    const signedIn = await run('{ cards { number } }', true)
    expect(signedIn.errors).toBeUndefined()
    expect((await run('{ cards { label } }', false)).errors).toHaveLength(3)
  })

  it("still check a field's own scopes and a type's scopes that depend on the object, on every object", async () => {
    const { run, evaluated } = cardSchema()
    const own = await run('{ cards { number secret } }', true)
    expect(own.errors).toHaveLength(3)
    const byObject = await run('{ openCards { number } }', true)
    expect(byObject.data).toEqual({ openCards: [{ number: 1 }, { number: null }, { number: 3 }] })
    expect(evaluated.open).toBe(3)
  })
})
