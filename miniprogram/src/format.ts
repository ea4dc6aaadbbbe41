import { isChinese } from './i18n'

// Money arrives as an exact decimal in the company currency; shown with grouping, no decimals on
// the phone's narrow screen unless there are cents.
export function money(value: number, currency = 'CNY'): string {
  const symbol = currency === 'CNY' ? '¥' : currency === 'USD' ? '$' : currency + ' '
  const fixed = Math.abs(value) >= 10000 && isChinese ? (value / 10000).toFixed(value % 10000 === 0 ? 0 : 1) + '万' : groupDigits(value)
  return symbol + fixed
}

function groupDigits(value: number): string {
  const [whole, cents] = value.toFixed(2).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return cents === '00' ? grouped : `${grouped}.${cents}`
}

const pad = (n: number) => (n < 10 ? '0' + n : String(n))

export function dateTime(iso: string | null): string {
  if (!iso)
    return ''
  const d = new Date(iso)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function shortDate(iso: string | null): string {
  if (!iso)
    return ''
  const d = new Date(iso)
  const now = new Date()
  if (d.getFullYear() === now.getFullYear())
    return `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export function daysSince(iso: string | null): number {
  if (!iso)
    return 0
  return Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 86400000))
}
