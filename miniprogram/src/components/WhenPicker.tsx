import { Picker, Text, View } from '@tarojs/components'
import { t } from '../i18n'
import type { LocalWhen } from '../format'

// A local date and a time of day as two chips (the follow-up and the new task ask for both); disabled,
// they only show it (a task read by a role that may not edit it).
export default function WhenPicker({ value, onChange, disabled }: { value: LocalWhen; onChange: (when: LocalWhen) => void; disabled?: boolean }) {
  return (
    <View className='row when'>
      <Picker mode='date' disabled={disabled} value={value.date} onChange={(e) => onChange({ ...value, date: e.detail.value })}>
        <Text className='chip'>{t.followUpDate}: {value.date}</Text>
      </Picker>
      <Picker mode='time' disabled={disabled} value={value.time} onChange={(e) => onChange({ ...value, time: e.detail.value })}>
        <Text className='chip'>{t.followUpTime}: {value.time}</Text>
      </Picker>
    </View>
  )
}
