import { Text, View } from '@tarojs/components'

// Five stars to tap for a satisfaction score (1 to 5); tapping the chosen star again clears it
// when the score is optional.
export default function ScorePicker({ value, onChange, optional = false }:
  { value: number; onChange: (score: number) => void; optional?: boolean }) {
  return (
    <View className='score-picker'>
      {[1, 2, 3, 4, 5].map((s) => (
        <Text key={s} id={`star-${s}`} className={`score-picker__star ${s <= value ? 'score-picker__star--on' : ''}`}
          onClick={() => onChange(optional && s === value ? 0 : s)}>{s <= value ? '★' : '☆'}</Text>
      ))}
    </View>
  )
}
