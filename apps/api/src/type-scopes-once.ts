// The scope-auth plugin checks an object type's authScopes on every field of every object it resolves:
// a page of 50 enrollments with their person and center ran the same { signedIn: true } about 800
// times, the largest part of Pothos' own time per page. When a type's scopes are a plain map (no
// function of the object, no granted scopes, no grants), their answer depends on the request alone;
// these two plugins let scope-auth check them on the first field of that type in a request, as
// before, and resolve the request's other fields of the type without checking them again. Fields
// with scopes or error handling of their own always go through scope-auth.
import SchemaBuilder, {
  BasePlugin,
  completeValue,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core'
import type { GraphQLFieldResolver } from 'graphql'

type Resolver = GraphQLFieldResolver<unknown, object>

/** Each field's resolver as scope-auth received it: without the scope checks. */
const unchecked = new WeakMap<object, Resolver>()

/** Types whose scopes passed, by request context. */
const passedTypes = new WeakMap<object, Set<string>>()

/** Whether a scope map's answer depends on anything but the request (granted scopes, by path). */
function dependsOnPath(scopes: unknown): boolean {
  if (typeof scopes !== 'object' || scopes === null) return false
  return Object.entries(scopes).some(
    ([scope, value]) =>
      scope === '$granted' || ((scope === '$any' || scope === '$all') && dependsOnPath(value)),
  )
}

export class TypeScopesOncePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: Resolver, fieldConfig: PothosOutputFieldConfig<Types>): Resolver {
    const typeName = fieldConfig.parentType
    const inner = unchecked.get(fieldConfig)
    if (!inner || !this.checksOnce(fieldConfig)) return resolver
    return (parent, args, context, info) => {
      if (passedTypes.get(context)?.has(typeName)) return inner(parent, args, context, info)
      // Marked once the scopes passed: a refused field throws before its resolver runs.
      return completeValue(resolver(parent, args, context, info), (value) => {
        const passed = passedTypes.get(context) ?? new Set()
        passedTypes.set(context, passed.add(typeName))
        return value
      })
    }
  }

  /** Whether the field's only checks are its object type's static scope map. */
  private checksOnce(fieldConfig: PothosOutputFieldConfig<Types>): boolean {
    const options = fieldConfig.pothosOptions as Record<string, unknown>
    const ownChecks = ['authScopes', 'grantScopes', 'unauthorizedResolver', 'skipTypeScopes', 'errors']
    if (ownChecks.some((option) => options[option] !== undefined)) return false
    const type = this.buildCache.getTypeConfig(fieldConfig.parentType)
    if (type.kind !== 'Object') return false
    const typeOptions = type.pothosOptions as Record<string, unknown>
    const scopes = typeOptions.authScopes
    if (typeof scopes !== 'object' || scopes === null || dependsOnPath(scopes)) return false
    if (typeOptions.grantScopes !== undefined || typeOptions.runScopesOnType !== undefined) return false
    return type.interfaces.every(
      (face) =>
        (this.buildCache.getTypeConfig(face).pothosOptions as Record<string, unknown>).authScopes ===
        undefined,
    )
  }
}

/** Placed right after scope-auth (so it wraps first): keeps the resolver scope-auth wraps. */
export class TypeScopesOnceInnerPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: Resolver, fieldConfig: PothosOutputFieldConfig<Types>): Resolver {
    unchecked.set(fieldConfig, resolver)
    return resolver
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      typeScopesOnce: TypeScopesOncePlugin<Types>
      typeScopesOnceInner: TypeScopesOnceInnerPlugin<Types>
    }
  }
}

export const typeScopesOnce = 'typeScopesOnce'
export const typeScopesOnceInner = 'typeScopesOnceInner'
SchemaBuilder.registerPlugin(typeScopesOnce, TypeScopesOncePlugin)
SchemaBuilder.registerPlugin(typeScopesOnceInner, TypeScopesOnceInnerPlugin)
