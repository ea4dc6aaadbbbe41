import { Text, View } from '@tarojs/components'
import type { ContactBuckets, CustomerMetrics } from '../api/types'
import { t } from '../i18n'

// From the most recently contacted to never; "older" (not contacted for more than 90 days) is the one
// to act on, so it is drawn in the warning colour.
const BUCKETS: { key: keyof ContactBuckets; text: string }[] = [
  { key: 'week', text: t.contactedWeek },
  { key: 'month', text: t.contactedMonth },
  { key: 'quarter', text: t.contactedQuarter },
  { key: 'older', text: t.contactedOlder },
  { key: 'never', text: t.never }
]

function StackedBar({ buckets, total }: { buckets: ContactBuckets; total: number }) {
  return (
    <View className='stack'>
      {BUCKETS.filter((b) => buckets[b.key] > 0).map((b) => (
        <View key={b.key} className={`stack__part stack__part--${b.key}`} style={{ width: `${(buckets[b.key] / Math.max(1, total)) * 100}%` }} />
      ))}
    </View>
  )
}

// How long ago the customers were last contacted: the caller's totals as one stacked bar with a legend,
// and, for a manager (`perOwner`), a row per rep (and the public pool).
export default function EngagementBars({ engagement, perOwner }: { engagement: CustomerMetrics['engagement']; perOwner: boolean }) {
  return (
    <View id='engagement'>
      <StackedBar buckets={engagement} total={engagement.total} />
      {BUCKETS.map((b) => (
        <View key={b.key} id={`engagement-${b.key}`} className={`row engagement__legend ${b.key === 'older' ? 'engagement__legend--warn' : ''}`}>
          <View className='row'>
            <View className={`engagement__dot stack__part--${b.key}`} />
            <Text>{b.text}</Text>
          </View>
          <Text className='engagement__count'>{engagement[b.key]}</Text>
        </View>
      ))}
      {perOwner ? <Text className='muted engagement__subtitle'>{t.byRep}</Text> : null}
      {perOwner ? engagement.byOwner.map((o) => (
        <View key={o.userId ?? 0} className='engagement__owner'>
          <View className='row'>
            <Text className='engagement__name'>{o.userId === null ? t.pool : o.name}</Text>
            <Text className='muted'>
              {t.customerCount.replace('%1', String(o.customers))}
              {o.older ? <Text className='engagement__warn'> · {t.contactedOlder} {o.older}</Text> : null}
            </Text>
          </View>
          <StackedBar buckets={o} total={o.customers} />
        </View>
      )) : null}
    </View>
  )
}
