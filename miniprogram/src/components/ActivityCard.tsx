import { Text, View } from '@tarojs/components'
import type { Activity } from '../api/types'
import { dateTime } from '../format'
import { label } from '../i18n'

// One logged activity, as the customer's timeline and an opportunity's page list them: its kind and
// subject, when, what was noted and who logged it.
export default function ActivityCard({ a }: { a: Activity }) {
  return (
    <View className='card activity'>
      <View className='row'>
        <Text className='activity__kind'>{label('activity', a.type)}{a.subject && a.subject !== label('activity', a.type) ? ` · ${a.subject}` : ''}</Text>
        <Text className='muted'>{dateTime(a.occurredAt)}</Text>
      </View>
      {a.content ? <Text className='activity__content'>{a.content}</Text> : null}
      <Text className='muted'>{a.userName}</Text>
    </View>
  )
}
