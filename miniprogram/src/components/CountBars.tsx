import { Text, View } from '@tarojs/components'
import type { NamedCount } from '../api/types'
import { t } from '../i18n'

const SHOWN = 8

// Customers per value (province, industry) as horizontal bars with their counts, largest first: the
// first 8, then the rest together as "Other" (with those the API already counted together); customers
// with no value recorded as "(not recorded)".
export default function CountBars({ id, rows, other }: { id: string; rows: NamedCount[]; other: number }) {
  const shown = rows.slice(0, SHOWN).map((r) => ({ name: r.name || t.notRecorded, count: r.count, other: false }))
  const rest = rows.slice(SHOWN).reduce((n, r) => n + r.count, other)
  if (rest > 0)
    shown.push({ name: t.otherValues, count: rest, other: true })
  const peak = Math.max(1, ...shown.map((r) => r.count))
  return (
    <View className='count-bars' id={id}>
      {shown.map((r, i) => (
        <View key={i} className={`count-bar ${r.other ? 'count-bar--other' : ''}`}>
          <Text className='count-bar__name'>{r.name}</Text>
          <View className='count-bar__track'>
            <View className='count-bar__fill' style={{ width: `${Math.max(1, Math.round((r.count / peak) * 100))}%` }} />
          </View>
          <Text className='count-bar__count'>{r.count}</Text>
        </View>
      ))}
    </View>
  )
}
