// Reminder messages an agent copies into a call script or a messaging app: one template per worklist,
// which admins edit, with the entry's person, product, amount and due date filled in. Sending them
// through an SMS or chat provider is out of scope.

import { formatDate, formatDong } from './format.ts'
import { type Issue, issue } from './messages.ts'
import type { Worklist } from './worklists.ts'

export const reminderPlaceholders = ['name', 'product', 'amount', 'dueDate'] as const
export type ReminderPlaceholder = (typeof reminderPlaceholders)[number]

export const maxReminderTextLength = 1000

/** The texts a new database starts with (seeded), in Vietnamese. */
export const defaultReminderTemplates: Readonly<Record<Worklist, string>> = {
  EXPIRING:
    'Kính gửi {name}, thẻ {product} của quý vị hết hạn ngày {dueDate}. Quý vị vui lòng gia hạn ({amount}) tại bưu điện gần nhất để được tham gia liên tục. Xin cảm ơn!',
  LAPSED:
    'Kính gửi {name}, {product} của quý vị đã hết hạn ngày {dueDate}. Quý vị vui lòng đóng tiếp ({amount}) tại bưu điện để không bị gián đoạn quyền lợi. Xin cảm ơn!',
  WAITING_PAYMENT:
    'Kính gửi {name}, hồ sơ {product} quý vị đăng ký ngày {dueDate} đang chờ đóng tiền ({amount}). Quý vị vui lòng hoàn tất tại bưu điện gần nhất. Xin cảm ơn!',
  SESSION_UNPAID:
    'Kính gửi {name}, cảm ơn quý vị đã đăng ký {product} tại buổi tuyên truyền ngày {dueDate}. Quý vị vui lòng đóng tiền ({amount}) tại bưu điện để hoàn tất. Xin cảm ơn!',
  PROMISED:
    'Kính gửi {name}, theo hẹn ngày {dueDate}, quý vị vui lòng đóng tiền {product} ({amount}) tại bưu điện. Xin cảm ơn!',
  LEADS:
    'Kính gửi {name}, cảm ơn quý vị đã quan tâm đến {product} tại buổi tuyên truyền ngày {dueDate}. Bưu điện sẵn sàng hỗ trợ quý vị đăng ký. Xin cảm ơn!',
}

/** Issues with a template: empty, too long, or naming a placeholder that is not one of the four. */
export function checkReminderText(text: string, path = 'text'): Issue[] {
  const issues: Issue[] = []
  if (text.trim() === '' || text.length > maxReminderTextLength) {
    issues.push(issue(path, 'REMINDER_TEXT_LENGTH', { max: maxReminderTextLength }))
  }
  for (const [, name = ''] of text.matchAll(/\{([^{}]*)\}/g)) {
    if (!(reminderPlaceholders as readonly string[]).includes(name)) {
      const allowed = reminderPlaceholders.map((each) => `{${each}}`).join(', ')
      issues.push(issue(path, 'REMINDER_PLACEHOLDER_UNKNOWN', { placeholder: `{${name}}`, allowed }))
    }
  }
  return issues
}

export type ReminderValues = {
  readonly name: string
  /** The product's name as the person knows it (its Vietnamese label), or several joined. */
  readonly product: string
  /** Whole đồng; null when there is none (a lead): left empty. */
  readonly amount: number | null
  readonly dueDate: string
}

/** The template with each placeholder filled in, dates and amounts as Vietnamese readers write them. */
export function renderReminder(text: string, values: ReminderValues): string {
  const filled: Record<ReminderPlaceholder, string> = {
    name: values.name,
    product: values.product,
    amount: values.amount === null ? '' : formatDong(values.amount, 'vi-VN'),
    dueDate: formatDate(values.dueDate, 'vi-VN'),
  }
  return text.replace(/\{(name|product|amount|dueDate)\}/g, (_match, key: ReminderPlaceholder) => filled[key])
}
