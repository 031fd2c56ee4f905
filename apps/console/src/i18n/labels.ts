// INTERIM: enum labels come from @tangtoc/shared once it exports them.
import type { EnumName, enumValues } from '@tangtoc/shared'

export function useEnumLabel() {
  return <E extends EnumName>(_name: E, value: (typeof enumValues)[E][number]): string => value
}
