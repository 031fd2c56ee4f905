import { describe, expect, it } from 'vitest'
import { buildCitizenId } from '../src/identity/citizen-id.ts'
import { guessColumns, readCitizenId, readDate, readSex, readTick } from '../src/import/columns.ts'
import { checkImportRows, importRowsChecker, readHouseholdKey, type SheetRow } from '../src/import/rows.ts'

describe('reading a sheet’s columns', () => {
  it('recognises the headers people write, in Vietnamese and English, with or without diacritics', () => {
    expect(
      guessColumns([
        'STT',
        'Họ và tên',
        'Số CCCD',
        'Ngày sinh',
        'Giới tính',
        'SĐT',
        'Mã hộ',
        'Quan hệ với chủ hộ',
      ]),
    ).toEqual([
      null,
      'fullName',
      'citizenId',
      'dateOfBirth',
      'sex',
      'phone',
      'householdKey',
      'relationToHead',
    ])
    expect(guessColumns(['Full name', 'Date of birth', 'Gender', 'Citizen ID', 'Chu ho'])).toEqual([
      'fullName',
      'dateOfBirth',
      'sex',
      'citizenId',
      'isHead',
    ])
  })

  it('takes a field once, the leftmost column, and leaves unknown headers unmapped', () => {
    expect(guessColumns(['Họ tên', 'Họ và tên', 'Ghi chú'])).toEqual(['fullName', null, null])
  })

  it('reads headers typed in decomposed Unicode as composed ones', () => {
    expect(guessColumns(['Ho\u0323 va\u0300 te\u0302n'])).toEqual(['fullName'])
  })
})

describe('reading cells', () => {
  it('reads dates Excel stored as serial numbers, as dates and as dd/MM/yyyy text', () => {
    expect(readDate(45965)).toEqual({ ok: true, value: '2025-11-04' })
    expect(readDate(new Date(Date.UTC(1991, 2, 15)))).toEqual({ ok: true, value: '1991-03-15' })
    expect(readDate('4/11/2025')).toEqual({ ok: true, value: '2025-11-04' })
    expect(readDate('15.03.1991')).toEqual({ ok: true, value: '1991-03-15' })
    expect(readDate('1991-03-15')).toEqual({ ok: true, value: '1991-03-15' })
    expect(readDate('')).toEqual({ ok: true, value: '' })
    expect(readDate('31/02/2025')).toEqual({ ok: false, code: 'DATE_INVALID' })
    expect(readDate('03/15/1991')).toEqual({ ok: false, code: 'DATE_INVALID' })
    expect(readDate(45965.5)).toEqual({ ok: false, code: 'DATE_INVALID' })
  })

  it('gives a citizen ID back the leading zero a number format dropped, and says so', () => {
    expect(readCitizenId(79191987601)).toEqual({
      ok: true,
      value: '079191987601',
      note: 'CITIZEN_ID_LEADING_ZERO_RESTORED',
    })
    expect(readCitizenId('079 191 987 601')).toEqual({ ok: true, value: '079191987601' })
  })

  it('reads the sex as written, and a tick in its common forms', () => {
    expect(readSex('Nữ')).toEqual({ ok: true, value: 'FEMALE' })
    expect(readSex('Nu\u0303')).toEqual({ ok: true, value: 'FEMALE' })
    expect(readSex('NAM')).toEqual({ ok: true, value: 'MALE' })
    expect(readSex('Khác')).toEqual({ ok: false, code: 'SEX_INVALID' })
    expect(['x', 'X', 'có', 1, true, 'Chủ hộ'].map(readTick)).toEqual([true, true, true, true, true, true])
    expect(['', null, 'không', 0, false].map(readTick)).toEqual([false, false, false, false, false])
  })
})

describe('checking a sheet’s rows', () => {
  const columns = guessColumns(['Họ và tên', 'Số CCCD', 'Ngày sinh', 'Giới tính', 'Mã hộ', 'Chủ hộ'])
  const id = (dateOfBirth: string, sex: 'MALE' | 'FEMALE', serial: number) =>
    buildCitizenId({ provinceCode: '079', dateOfBirth, sex, serial })
  const options = { product: 'HOUSEHOLD_HEALTH_INSURANCE', today: '2025-11-10', on: '2025-11-10' } as const

  it('groups a household’s rows by their key and finds nothing wrong with a good household', () => {
    const rows: SheetRow[] = [
      { line: 2, cells: ['Đỗ Văn Quang', id('1988-07-02', 'MALE', 1), '02/07/1988', 'Nam', 'H1', 'x'] },
      {
        line: 3,
        cells: ['Phạm Thị Hồng Nhung', id('1991-03-15', 'FEMALE', 2), '15/03/1991', 'Nữ', 'H1', ''],
      },
      { line: 4, cells: ['Trần Văn Tư', id('1970-01-01', 'MALE', 3), '01/01/1970', 'Nam', '', ''] },
    ]
    const check = checkImportRows(rows, columns, options)
    expect(check.rows.map((row) => row.issues)).toEqual([[], [], []])
    expect(check.households).toEqual([
      { key: 'H1', lines: [2, 3] },
      { key: '#4', lines: [4] },
    ])
  })

  it('places each problem at its line and field, names the first line of a duplicate, and keeps a household with a bad row out whole', () => {
    const quang = id('1988-07-02', 'MALE', 1)
    const rows: SheetRow[] = [
      { line: 2, cells: ['Đỗ Văn Quang', quang, '02/07/1988', 'Nam', 'H1', 'x'] },
      { line: 3, cells: ['Phạm Thị Nhung', id('1991-03-15', 'FEMALE', 2), '31/02/1991', 'Nữ', 'H1', ''] },
      { line: 4, cells: ['Đỗ Văn Quang', quang, '02/07/1988', 'Nam', 'H2', 'x'] },
      { line: 5, cells: ['Bé Khôi', id('2023-09-20', 'MALE', 4), '20/09/2023', 'Nam', '', ''] },
    ]
    const check = checkImportRows(rows, columns, options)
    const codes = check.rows.map((row) => row.issues.map((problem) => `${problem.path} ${problem.code}`))
    expect(codes[1]).toEqual(['3.dateOfBirth DATE_INVALID'])
    expect(codes[0]).toEqual(['2.householdKey IMPORT_HOUSEHOLD_INCOMPLETE'])
    expect(check.rows[0]?.issues[0]?.message.vi).toContain('dòng 3')
    expect(codes[2]).toEqual(['4.citizenId IMPORT_DUPLICATE_IN_FILE'])
    expect(check.rows[2]?.issues[0]?.message.en).toContain('line 2')
    // A child under 6 is insured by the state, not by a household.
    expect(codes[3]).toEqual(['5.dateOfBirth HOUSEHOLD_MEMBER_UNDER_SIX'])
  })

  it('takes the rows of a key that joins a household on file without a head, and refuses one marked head', () => {
    const rows: SheetRow[] = [
      { line: 2, cells: ['Đỗ Minh Anh', id('2015-04-02', 'FEMALE', 5), '02/04/2015', 'Nữ', 'H1', ''] },
      { line: 3, cells: ['Đỗ Văn Hải', id('1960-01-09', 'MALE', 6), '09/01/1960', 'Nam', ' H1 ', ''] },
      { line: 4, cells: ['Lý Văn Tâm', id('1975-05-05', 'MALE', 7), '05/05/1975', 'Nam', 'H2', 'x'] },
      { line: 5, cells: ['Lý Thị Mai', id('1977-06-06', 'FEMALE', 8), '06/06/1977', 'Nữ', 'H2', ''] },
    ]
    // Without a household to join, H1 has no head.
    expect(checkImportRows(rows, columns, options).rows[0]?.issues).not.toEqual([])
    const joining = checkImportRows(rows, columns, { ...options, joining: new Set(['H1', 'H2']) })
    const codes = joining.rows.map((row) => row.issues.map((problem) => `${problem.path} ${problem.code}`))
    expect(codes.slice(0, 2)).toEqual([[], []])
    expect(codes[2]).toEqual(['4.isHead HOUSEHOLD_HEAD_MULTIPLE'])
    // A page at a time, H1's two rows on two pages: the joining household is checked as joining.
    const lastLineOf = new Map([
      ['H1', 3],
      ['H2', 5],
    ])
    const checker = importRowsChecker(columns, { ...options, joining: new Set(['H1']) }, lastLineOf)
    const paged = [rows.slice(0, 1), rows.slice(1)].flatMap((page) =>
      checker.check(page).flatMap((unit) => unit.members),
    )
    const pagedCodes = paged.map((row) => row.issues.map((problem) => `${problem.path} ${problem.code}`))
    expect(pagedCodes).toEqual([[], [], [], []])
  })

  it('groups a neighbourhood’s own keys written with a space ("Hộ 1"), however spaced', () => {
    const rows: SheetRow[] = [
      { line: 2, cells: ['Lý Văn Tâm', id('1975-05-05', 'MALE', 7), '05/05/1975', 'Nam', 'Hộ 1', 'x'] },
      { line: 3, cells: ['Lý Thị Mai', id('1977-06-06', 'FEMALE', 8), '06/06/1977', 'Nữ', ' Hộ  1', ''] },
    ]
    const check = checkImportRows(rows, columns, options)
    expect(check.rows.map((row) => row.issues)).toEqual([[], []])
    expect(check.households).toEqual([{ key: 'Hộ 1', lines: [2, 3] }])
  })

  it('refuses a row whose household key is not a household code, as the form refuses the code', () => {
    const rows: SheetRow[] = [
      { line: 2, cells: ['Đỗ Văn Quang', id('1988-07-02', 'MALE', 1), '02/07/1988', 'Nam', 'H#1', 'x'] },
    ]
    const check = checkImportRows(rows, columns, options)
    expect(check.rows[0]?.issues.map((problem) => `${problem.path} ${problem.code}`)).toEqual([
      '2.householdKey HOUSEHOLD_CODE_FORMAT',
    ])
  })

  it('checks voluntary social insurance rows one by one, without households', () => {
    const rows: SheetRow[] = [{ line: 2, cells: ['', '123', '', 'Không rõ', 'H1', ''] }]
    const check = checkImportRows(rows, columns, { ...options, product: 'VOLUNTARY_SOCIAL_INSURANCE' })
    expect(check.households).toEqual([])
    expect(check.rows[0]?.householdKey).toBeNull()
    expect(check.rows[0]?.issues.map((problem) => problem.path).sort()).toEqual([
      '2.citizenId',
      '2.dateOfBirth',
      '2.fullName',
      '2.sex',
    ])
  })

  it('checks a sheet a page at a time as it checks it whole: a duplicate of an earlier page, a household split across pages', () => {
    const quang = id('1988-07-02', 'MALE', 1)
    const rows: SheetRow[] = [
      { line: 2, cells: ['Đỗ Văn Quang', quang, '02/07/1988', 'Nam', 'H1', 'x'] },
      { line: 3, cells: ['Trần Văn Tư', id('1970-01-01', 'MALE', 3), '01/01/1970', 'Nam', '', ''] },
      { line: 4, cells: ['Lê Thị Hoa', id('1972-07-19', 'FEMALE', 5), '19/07/1972', 'Nữ', 'H2', 'x'] },
      // H1's second member, a page later, born on a day that does not exist: H1 goes in whole or not.
      { line: 5, cells: ['Phạm Thị Nhung', id('1991-03-15', 'FEMALE', 2), '31/02/1991', 'Nữ', 'H1', ''] },
      { line: 6, cells: ['Đỗ Văn Quang', quang, '02/07/1988', 'Nam', 'H3', 'x'] },
      { line: 7, cells: ['Lê Văn Minh', id('1995-05-05', 'MALE', 6), '05/05/1995', 'Nam', 'H2', ''] },
    ]
    const lastLineOf = new Map<string, number>()
    for (const row of rows) {
      const key = readHouseholdKey(row.cells[4])
      if (key) lastLineOf.set(key, row.line)
    }
    const checker = importRowsChecker(columns, options, lastLineOf)
    const pages = [rows.slice(0, 2), rows.slice(2, 4), rows.slice(4)]
    const completed = pages.map((page) => checker.check(page).map((unit) => unit.key))
    // A household is complete at its last row: H1 on the second page, H2 on the third.
    expect(completed).toEqual([[null], ['H1'], ['H3', 'H2']])

    const whole = checkImportRows(rows, columns, options)
    const paged = importRowsChecker(columns, options, lastLineOf)
    const rowsByPage = pages.flatMap((page) => paged.check(page).flatMap((unit) => unit.members))
    expect(rowsByPage.sort((a, b) => a.line - b.line)).toEqual(whole.rows)
    const codes = whole.rows.map((row) => row.issues.map((problem) => `${problem.path} ${problem.code}`))
    expect(codes).toEqual([
      ['2.householdKey IMPORT_HOUSEHOLD_INCOMPLETE'],
      [],
      [],
      ['5.dateOfBirth DATE_INVALID'],
      ['6.citizenId IMPORT_DUPLICATE_IN_FILE'],
      [],
    ])
    expect(whole.households.map((household) => household.key)).toEqual(['H1', '#3', 'H2', 'H3'])
    expect(whole.households[0]?.lines).toEqual([2, 5])
  })
})
