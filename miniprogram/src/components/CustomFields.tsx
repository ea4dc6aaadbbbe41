import { Input, Picker, Switch, Text, View } from '@tarojs/components'
import type { CustomFieldDef, CustomValue } from '../api/types'
import { t } from '../i18n'

// The company's own customer fields in a form, each by its type: text, number, date, yes/no, or one
// of its choices. `values` holds what the API sends (numbers as numbers); a number being typed is
// kept as text until it parses. The server checks the values again (type, choices, required).
export default function CustomFields(props: {
  defs: CustomFieldDef[]
  values: Record<string, CustomValue>
  onChange: (key: string, value: CustomValue) => void
  errorField?: string
  errorMessage?: string
}) {
  const { defs, values, onChange } = props
  return (
    <View>
      {defs.map((d) => {
        const value = values[d.key]
        const title = d.label + (d.required ? ' *' : '')
        const error = props.errorField === `customFields.${d.key}` ? <Text className='error form__error'>{props.errorMessage}</Text> : null
        if (d.type === 'bool') {
          return (
            <View key={d.key} className='form__item'>
              <View className='row custom__switch'>
                <Text className='muted'>{title}</Text>
                <Switch id={`custom-${d.key}`} checked={value === true} color='#1f6feb' onChange={(e) => onChange(d.key, e.detail.value)} />
              </View>
              {error}
            </View>
          )
        }
        if (d.type === 'date' || d.type === 'choice') {
          const range = d.type === 'choice' ? (d.required ? d.options : ['', ...d.options]) : []
          return (
            <View key={d.key} className='form__item'>
              <Text className='muted'>{title}</Text>
              {d.type === 'date' ? (
                <Picker mode='date' value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(d.key, e.detail.value || null)}>
                  <View className='field' id={`custom-${d.key}`}>{typeof value === 'string' && value ? value : ' '}</View>
                </Picker>
              ) : (
                <Picker mode='selector' range={range.map((o) => o || t.none)} value={Math.max(0, range.indexOf(String(value ?? '')))}
                  onChange={(e) => onChange(d.key, range[Number(e.detail.value)] || null)}>
                  <View className='field' id={`custom-${d.key}`}>{typeof value === 'string' && value ? value : ' '}</View>
                </Picker>
              )}
              {error}
            </View>
          )
        }
        return (
          <View key={d.key} className='form__item'>
            <Text className='muted'>{title}</Text>
            <Input className='field' id={`custom-${d.key}`} type={d.type === 'number' ? 'digit' : 'text'}
              value={value === null || value === undefined ? '' : String(value)}
              onInput={(e) => onChange(d.key, e.detail.value === '' ? null : e.detail.value)} />
            {error}
          </View>
        )
      })}
    </View>
  )
}

// The values as the API takes them: numbers typed as text become numbers (text that is no number is
// sent as it is, for the server to refuse under its field); empty values are left out.
export function customFieldsBody(defs: CustomFieldDef[], values: Record<string, CustomValue>): Record<string, CustomValue> {
  const body: Record<string, CustomValue> = {}
  for (const d of defs) {
    const v = values[d.key]
    if (v === null || v === undefined || v === '')
      continue
    body[d.key] = d.type === 'number' && typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v
  }
  return body
}

// A value as the customer's page shows it.
export function customValueText(d: CustomFieldDef, v: CustomValue | undefined): string {
  if (v === null || v === undefined || v === '')
    return ''
  if (d.type === 'bool')
    return v ? t.yes : t.no
  return String(v)
}
