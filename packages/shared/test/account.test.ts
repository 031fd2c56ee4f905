import { describe, expect, it } from 'vitest'
import { checkDisplayName, checkPassword, checkUsername, describeIssue } from '../src/index.ts'

describe('account fields', () => {
  it.each(['ann', 'nguyen.van-an_2', 'a'.repeat(50), '0agent'])('accepts the username %s', (username) => {
    expect(checkUsername(username)).toEqual([])
  })

  it.each(['ab', 'a'.repeat(51), 'Nguyen', 'nguyễn', '.an', '-an', 'an van', 'an@post'])(
    'refuses the username %s',
    (username) => {
      expect(checkUsername(username, 'input.username')).toEqual([
        {
          path: 'input.username',
          code: 'INVALID_USERNAME',
          message: {
            vi: 'Tên đăng nhập gồm 3 đến 50 chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.',
            en: 'A username has 3 to 50 lower-case letters, digits, dots, dashes or underscores.',
          },
        },
      ])
    },
  )

  it('a password has 12 to 200 characters, of any kind', () => {
    expect(checkPassword('x'.repeat(12))).toEqual([])
    expect(checkPassword('mật khẩu dài ✓')).toEqual([])
    expect(checkPassword('x'.repeat(200))).toEqual([])
    for (const password of ['', 'x'.repeat(11), 'x'.repeat(201)]) {
      const [problem, ...rest] = checkPassword(password, 'newPassword')
      expect(rest).toEqual([])
      expect(problem).toMatchObject({
        path: 'newPassword',
        code: 'PASSWORD_TOO_SHORT',
        params: { min: 12, max: 200 },
      })
      expect(problem?.message).toEqual({
        vi: 'Mật khẩu phải có từ 12 đến 200 ký tự.',
        en: 'A password has 12 to 200 characters.',
      })
    }
  })

  it('a display name has 1 to 100 characters', () => {
    expect(checkDisplayName('Nguyễn Văn An')).toEqual([])
    expect(checkDisplayName('x'.repeat(100))).toEqual([])
    const [problem] = checkDisplayName('')
    expect(problem).toMatchObject({ path: 'displayName', code: 'INVALID_LENGTH' })
    expect(problem && describeIssue(problem, 'vi')).toBe('Tên hiển thị phải có từ 1 đến 100 ký tự.')
    expect(problem && describeIssue(problem, 'en')).toBe('A display name has 1 to 100 characters.')
    expect(checkDisplayName('x'.repeat(101))).toHaveLength(1)
  })
})
