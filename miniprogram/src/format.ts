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

// A local date and time of day as the pickers give them ("2026-12-07", "10:00").
export interface LocalWhen {
  date: string
  time: string
}

// `days` from today at `hour`:00, or (without an hour) the next full hour after `days` from now.
export function localWhen(days: number, hour?: number): LocalWhen {
  const d = new Date(Date.now() + days * 86400000 + (hour === undefined ? 3600000 : 0))
  const h = hour === undefined ? d.getHours() : hour
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(h)}:00` }
}

// A time from the API as the pickers show it, in the phone's zone.
export function whenOf(iso: string): LocalWhen {
  const d = new Date(iso)
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` }
}

export function epochMs(when: LocalWhen): number {
  return new Date(`${when.date}T${when.time}:00`).getTime()
}

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

// The phone's local day `days` from today, as the API's dates are written ("2026-12-14").
export function localDate(days = 0): string {
  const d = new Date()
  d.setDate(d.getDate() + days) // calendar days: right across a daylight-saving change
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

// How many days a date ("2026-12-07") lies before the phone's today: 0 for today, negative ahead.
export function daysPast(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  const now = new Date()
  return Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(y, m - 1, d)) / 86400000)
}

export function daysSince(iso: string | null): number {
  if (!iso)
    return 0
  return Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 86400000))
}

// A satisfaction score as five stars: 4 -> "★★★★☆".
export function stars(score: number): string {
  const s = Math.max(0, Math.min(5, Math.round(score)))
  return '★'.repeat(s) + '☆'.repeat(5 - s)
}

// A campaign's period: "2026-11-16 – 2026-12-16", one date, or nothing.
export function period(start: string | null, end: string | null): string {
  if (start && end)
    return start === end ? start : `${start} – ${end}`
  return start || end || ''
}
