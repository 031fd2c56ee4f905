// /enrollments/new: the registration form, for those who register (a viewer only reads).
import { WritersOnly } from '../auth/AdminOnly.tsx'
import { RegistrationForm } from './RegistrationForm.tsx'

export function NewEnrollmentPage() {
  return (
    <WritersOnly>
      <RegistrationForm />
    </WritersOnly>
  )
}
