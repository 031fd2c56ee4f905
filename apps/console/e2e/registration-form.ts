// The registration form as a user fills it in, for the specs that register through it.
import type { Locator } from 'playwright-core'

/** A person's name, date of birth (yyyy-mm-dd), sex and citizen ID, typed into their part of the form. */
export async function fillPerson(
  scope: Locator,
  person: { fullName: string; dateOfBirth: string; sex: 'Nam' | 'Nữ'; citizenId: string },
) {
  await scope.getByRole('textbox', { name: /Họ và tên/ }).fill(person.fullName)
  await scope.getByLabel(/Ngày sinh/).fill(person.dateOfBirth)
  await scope.getByRole('radio', { name: person.sex }).check()
  await scope.getByRole('textbox', { name: /Số định danh cá nhân/ }).fill(person.citizenId)
}
