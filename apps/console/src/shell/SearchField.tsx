// A list's search box: the words reach the address (and the API) once the user pauses typing, and words
// changed elsewhere (filters cleared, a saved filter applied) replace the typed ones.
import { TextInput, type TextInputProps } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useRef, useState } from 'react'

export function SearchField({
  value,
  onChange,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & {
  /** The words in the address. */
  value: string | undefined
  onChange: (words: string | undefined) => void
}) {
  const [typed, setTyped] = useState(value ?? '')
  const [paused] = useDebouncedValue(typed, 350)
  const sent = useRef(value)
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the paused typing sends the words on
  useEffect(() => {
    const next = paused.trim() || undefined
    if (next === value) return
    sent.current = next
    onChange(next)
  }, [paused])
  useEffect(() => {
    if (value === sent.current) return
    sent.current = value
    setTyped(value ?? '')
  }, [value])
  return (
    <TextInput
      {...props}
      type="search"
      value={typed}
      onChange={(event) => setTyped(event.currentTarget.value)}
    />
  )
}
