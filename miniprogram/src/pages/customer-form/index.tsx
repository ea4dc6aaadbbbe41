import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { createCustomer } from '../../api/crm'
import { label, t } from '../../i18n'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { CUSTOMERS_CHANGED } from '../../pagedList'
import { useSubmit } from '../../useSubmit'

const KINDS = ['company', 'person'] as const
const STATUSES = ['prospect', 'new', 'active', 'loyal', 'at_risk', 'lost']

// A new customer with the fields a rep has at hand in the field; the rest is filled in on the
// desktop. The server validates (name required, phone and email formats, duplicates): its message
// is shown under the field it names.
export default function CustomerForm() {
  useSignedIn()
  const [fields, setFields] = useState({ name: '', kind: 'company', company: '', phone: '', email: '', source: '', status: 'prospect', notes: '' })
  const set = (key: keyof typeof fields) => (e: { detail: { value: string } }) => setFields({ ...fields, [key]: e.detail.value })
  const { busy, error, submit: save } = useSubmit(async () => {
    const body = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')) as Record<string, string>
    const answer = await createCustomer(body)
    toast(t.created, 'success')
    Taro.eventCenter.trigger(CUSTOMERS_CHANGED)
    Taro.redirectTo({ url: `/pages/customer-detail/index?id=${answer.customer.id}` })
  })

  const fieldError = (key: string) => (error && error.field === key ? <Text className='error form__error'>{error.message}</Text> : null)
  const input = (key: keyof typeof fields, title: string, type: 'text' | 'number' = 'text') => (
    <View className='form__item'>
      <Text className='muted'>{title}</Text>
      <Input className='field' id={`field-${key}`} type={type} value={fields[key]} onInput={set(key)} />
      {fieldError(key)}
    </View>
  )

  return (
    <View className='screen form'>
      {input('name', t.name)}
      <View className='form__item'>
        <Text className='muted'>{t.kind}</Text>
        <Picker mode='selector' range={[t.companyKind, t.personKind]} value={KINDS.indexOf(fields.kind as any)}
          onChange={(e) => setFields({ ...fields, kind: KINDS[Number(e.detail.value)] })}>
          <View className='field'>{fields.kind === 'company' ? t.companyKind : t.personKind}</View>
        </Picker>
      </View>
      {fields.kind === 'person' ? input('company', t.company) : null}
      {input('phone', t.phone, 'number')}
      {input('email', t.email)}
      {input('source', t.source)}
      <View className='form__item'>
        <Text className='muted'>{t.status}</Text>
        <Picker mode='selector' range={STATUSES.map((s) => label('status', s))} value={STATUSES.indexOf(fields.status)}
          onChange={(e) => setFields({ ...fields, status: STATUSES[Number(e.detail.value)] })}>
          <View className='field'>{label('status', fields.status)}</View>
        </Picker>
      </View>
      <View className='form__item'>
        <Text className='muted'>{t.notes}</Text>
        <Textarea className='field form__notes' value={fields.notes} maxlength={2000} onInput={set('notes')} />
        {fieldError('notes')}
      </View>
      {error && !['name', 'company', 'phone', 'email', 'source', 'notes'].includes(error.field || '')
        ? <Text className='error'>{error.message}</Text> : null}
      <Button className='primary' id='create-customer' loading={busy} disabled={busy} onClick={save}>{t.create}</Button>
    </View>
  )
}
