// The console's date field: Mantine's DateInput, typed or picked, shown dd/MM/yyyy in both languages
// (the calendar's month and weekday names follow the console's language, weeks start on Monday), never
// the browser's native input, whose format follows the browser's locale instead of the console's.
import { DateInput, type DateInputProps } from '@mantine/dates'
import { dayFormat, dayTimeFormat, parseTypedDate } from './dates.ts'

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** 'YYYY-MM-DD', or with `withTime` 'YYYY-MM-DDTHH:mm' (a wall time in the campaign's zone); '' when empty. */
  value?: string
  onChange: (value: string) => void
  withTime?: boolean
}

export function DateField({ value = '', onChange, withTime = false, ...props }: DateFieldProps) {
  return (
    <DateInput
      {...props}
      value={value === '' ? null : withTime ? `${value.replace('T', ' ')}:00` : value}
      onChange={(picked) =>
        onChange(picked ? (withTime ? picked.slice(0, 16).replace(' ', 'T') : picked.slice(0, 10)) : '')
      }
      valueFormat={withTime ? dayTimeFormat : dayFormat}
      dateParser={(typed) => parseTypedDate(typed, withTime)}
      withTime={withTime}
      placeholder={props.placeholder ?? (withTime ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy')}
      clearable={props.clearable ?? !props.required}
    />
  )
}
