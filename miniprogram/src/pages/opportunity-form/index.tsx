import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { createOpportunity, opportunity as getOpportunity, updateOpportunity } from '../../api/crm'
import type { Opportunity } from '../../api/types'
import { errorText } from '../../errorText'
import { t } from '../../i18n'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { saveUnlessChanged, useSubmit } from '../../useSubmit'
import { usePageTitle } from '../../pageTitle'

const fieldsOf = (o: Opportunity) => ({ name: o.name, value: String(o.value), expectedCloseDate: o.expectedCloseDate || '', notes: o.notes })
type Fields = ReturnType<typeof fieldsOf>

// A new opportunity for the customer whose page opened this one (?customerId=), or the edit of one
// (?id=). A new one starts in the default pipeline's first stage with that stage's probability (the
// server decides both; stages move on the opportunity's page). The amount goes as typed text: the
// server reads it as an exact decimal, never through floating point. An edit sends only what
// changed, with the version it started from; a change made meanwhile is reloaded, not overwritten.
export default function OpportunityForm() {
  usePageTitle(t.newOpportunity)
  const params = useRouter().params
  const id = Number(params.id) || 0
  const customerId = Number(params.customerId)
  const [original, setOriginal] = useState<Opportunity | null>(null)
  const [fields, setFields] = useState<Fields>({ name: '', value: '', expectedCloseDate: '', notes: '' })
  const [loadError, setLoadError] = useState('')
  const reload = async () => {
    const { opportunity } = await getOpportunity(id)
    setOriginal(opportunity)
    setFields(fieldsOf(opportunity))
    Taro.setNavigationBarTitle({ title: `${t.edit} · ${opportunity.name}` })
  }
  useSignedIn(() => {
    if (id && !original)
      reload().catch((e) => setLoadError(errorText(e)))
  })

  const { busy, error, submit: save } = useSubmit(async () => {
    if (!original) {
      await createOpportunity({
        customerId,
        name: fields.name.trim(),
        value: fields.value.trim() || '0',
        expectedCloseDate: fields.expectedCloseDate || undefined,
        notes: fields.notes || undefined
      })
      toast(t.created, 'success')
      Taro.navigateBack()
      return
    }
    const was = fieldsOf(original)
    const changed = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== was[k as keyof Fields]))
    if (Object.keys(changed).length) {
      await saveUnlessChanged(() => updateOpportunity(id, original.version, changed), reload)
    }
    toast(t.saved, 'success')
    Taro.navigateBack()
  })

  if (id && !original)
    return <View className='empty'>{loadError || t.loading}</View>

  const fieldError = (key: string) => (error && error.field === key ? <Text className='error form__error'>{error.message}</Text> : null)
  return (
    <View className='screen form'>
      <Text className='muted'>{original ? original.customerName : decodeURIComponent(params.customerName || '')}</Text>
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
      {error && !['name', 'value', 'expectedCloseDate'].includes(error.field || '') ? <Text className='error' id='form-error'>{error.message}</Text> : null}
      <Button className='primary' id='save-opportunity' loading={busy} disabled={busy} onClick={save}>{original ? t.save : t.create}</Button>
    </View>
  )
}
