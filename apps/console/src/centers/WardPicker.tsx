// The 168 wards and communes of Ho Chi Minh City, searched without diacritics ("thu duc" finds "Thủ Đức").
import { type ComboboxItem, type OptionsFilter, Select } from '@mantine/core'
import { foldSearchKey } from '@tangtoc/shared'
import { hoChiMinhCityWards } from '@tangtoc/shared/wards'

const wardOptions = hoChiMinhCityWards.map((ward) => ({ value: ward.code, label: ward.fullName }))

/** Matches every word typed against the ward's name, accents and case ignored. */
export const wardFilter: OptionsFilter = ({ options, search }) => {
  const words = foldSearchKey(search).split(' ').filter(Boolean)
  return (options as ComboboxItem[]).filter((option) => {
    const key = foldSearchKey(option.label)
    return words.every((word) => key.includes(word))
  })
}

export function WardPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string
  value: string | null
  onChange: (code: string | null) => void
  error?: string
}) {
  return (
    <Select
      label={label}
      data={wardOptions}
      value={value}
      onChange={onChange}
      searchable
      clearable
      filter={wardFilter}
      limit={30}
      error={error}
      nothingFoundMessage="—"
    />
  )
}
