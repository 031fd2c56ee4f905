// A status as a badge: its colour and a symbol, so that statuses are told apart without colour (paid
// ₫ and active ✓ are both greenish), whole on one line at any width (never cut to "Đã xác nh…").
import { Badge } from '@mantine/core'

export function StatusBadge({ color, symbol, label }: { color: string; symbol: string; label: string }) {
  return (
    <Badge
      color={color}
      variant="light"
      tt="none"
      leftSection={<span aria-hidden>{symbol}</span>}
      styles={{ root: { maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } }}
    >
      {label}
    </Badge>
  )
}
