import { describe, expect, it } from 'vitest'
import { exportHref } from './ExportLinks.tsx'

describe('an export’s address', () => {
  it('carries only the filters that are set, a list comma-joined as the API reads it', () => {
    expect(
      exportHref('enrollments', 'xlsx', {
        campaign: 'Q2FtcGFpZ246MQ==',
        status: ['PAID', 'ACTIVE'],
        product: undefined,
        search: 'nguyễn lan',
        center: [],
      }),
    ).toBe(
      '/exports/enrollments.xlsx?campaign=Q2FtcGFpZ246MQ%3D%3D&status=PAID%2CACTIVE&search=nguy%E1%BB%85n+lan',
    )
    expect(exportHref('progress', 'csv', {})).toBe('/exports/progress.csv')
  })
})
