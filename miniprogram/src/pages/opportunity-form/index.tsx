import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { createOpportunity } from '../../api/crm'
import { t } from '../../i18n'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { useSubmit } from '../../useSubmit'

// A new opportunity for the customer whose page opened this one; it starts in the default
// pipeline's first stage with that stage's probability (the server decides both). The amount goes
// as typed text: the server reads it as an exact decimal, never through floating point.
export default function OpportunityForm() {
  useSignedIn()
  const params = useRouter().params
  const customerId = Number(params.customerId)
  const customerName = decodeURIComponent(params.customerName || '')
  const [fields, setFields] = useState({ name: '', value: '', expectedCloseDate: '', notes: '' })
  const { busy, error, submit: save } = useSubmit(async () => {
    await createOpportunity({
      customerId,
      name: fields.name.trim(),
      value: fields.value.trim() || '0',
      expectedCloseDate: fields.expectedCloseDate || undefined,
      notes: fields.notes || undefined
    })
    toast(t.created, 'success')
    Taro.navigateBack()
  })

  const fieldError = (key: string) => (error && error.field === key ? <Text className='error form__error'>{error.message}</Text> : null)
  return (
    <View className='screen form'>
      <Text className='muted'>{customerName}</Text>
      <View className='form__item'>
        <Text className='muted'>{t.opportunityName}</Text>
        <Input className='field' id='opportunity-name' value={fields.name} onInput={(e) => setFields({ ...fields, name: e.detail.value })} />
        {fieldError('name')}
      </View>
      <View className='form__item'>
        <Text className='muted'>{t.amount}</Text>
        <Input className='field' id='opportunity-value' type='digit' value={fields.value}
          onInput={(e) => setFields({ ...fields, value: e.detail.value })} />
        {fieldError('value')}
      </View>
      <View className='form__item'>
        <Text className='muted'>{t.expectedClose}</Text>
        <Picker mode='date' value={fields.expectedCloseDate} onChange={(e) => setFields({ ...fields, expectedCloseDate: e.detail.value })}>
          <View className='field'>{fields.expectedCloseDate || ' '}</View>
        </Picker>
        {fieldError('expectedCloseDate')}
      </View>
      <View className='form__item'>
        <Text className='muted'>{t.notes}</Text>
        <Textarea className='field form__notes' value={fields.notes} maxlength={2000} onInput={(e) => setFields({ ...fields, notes: e.detail.value })} />
      </View>
      {error && !['name', 'value', 'expectedCloseDate'].includes(error.field || '') ? <Text className='error'>{error.message}</Text> : null}
      <Button className='primary' id='create-opportunity' loading={busy} disabled={busy} onClick={save}>{t.create}</Button>
    </View>
  )
}
