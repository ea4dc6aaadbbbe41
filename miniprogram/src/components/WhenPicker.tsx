import { Picker, Text, View } from '@tarojs/components'
import { t } from '../i18n'
import type { LocalWhen } from '../format'

// A local date and a time of day as two chips (the follow-up and the new task ask for both).
export default function WhenPicker({ value, onChange }: { value: LocalWhen; onChange: (when: LocalWhen) => void }) {
  return (
    <View className='row when'>
      <Picker mode='date' value={value.date} onChange={(e) => onChange({ ...value, date: e.detail.value })}>
        <Text className='chip'>{t.followUpDate}: {value.date}</Text>
      </Picker>
      <Picker mode='time' value={value.time} onChange={(e) => onChange({ ...value, time: e.detail.value })}>
        <Text className='chip'>{t.followUpTime}: {value.time}</Text>
      </Picker>
    </View>
  )
}
