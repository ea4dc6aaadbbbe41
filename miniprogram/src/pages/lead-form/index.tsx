import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { convertLead, createLead, lead as getLead, LeadFields, updateLead } from '../../api/crm'
import { can } from '../../api/session'
import type { Lead } from '../../api/types'
import { errorText } from '../../errorText'
import { label, t } from '../../i18n'
import { CUSTOMERS_CHANGED } from '../../pagedList'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { saveUnlessChanged, useSubmit } from '../../useSubmit'
import { usePageTitle } from '../../pageTitle'

// The statuses a rep sets by hand; "converted" is set only by converting.
const STATUSES = ['new', 'contacted', 'qualified', 'disqualified'] as const
const TEXTS = ['name', 'company', 'phone', 'email', 'source', 'notes'] as const
const fieldsOf = (l: Lead) => ({ name: l.name, company: l.company, phone: l.phone, email: l.email, source: l.source, notes: l.notes, status: l.status })
type Fields = ReturnType<typeof fieldsOf>

// A new lead, or (?id=) one lead: edit its fields and status, or convert it into a customer with its
// primary contact and an opportunity (one transaction on the server), then open that customer. A
// converted lead is the record of where the customer came from: shown, not edited.
export default function LeadForm() {
  usePageTitle(t.newLead)
  const id = Number(useRouter().params.id) || 0
  const [original, setOriginal] = useState<Lead | null>(null)
  const [fields, setFields] = useState<Fields>({ name: '', company: '', phone: '', email: '', source: '', notes: '', status: 'new' })
  const [loadError, setLoadError] = useState('')
  const reload = async () => {
    const { lead } = await getLead(id)
    setOriginal(lead)
    setFields(fieldsOf(lead))
    Taro.setNavigationBarTitle({ title: lead.name })
  }
  useSignedIn(() => {
    if (id && !original)
      reload().catch((e) => setLoadError(errorText(e)))
  })

  const { busy, error, submit: save } = useSubmit(async () => {
    if (!original) {
      const { status, ...rest } = fields
      await createLead(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== '')) as LeadFields)
      toast(t.created, 'success')
      Taro.navigateBack()
      return
    }
    const was = fieldsOf(original)
    const changed = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== was[k as keyof Fields])) as LeadFields
    if (Object.keys(changed).length) {
      await saveUnlessChanged(() => updateLead(id, original.version, changed), reload)
    }
    toast(t.saved, 'success')
    Taro.navigateBack()
  })

  const convert = async () => {
    const { confirm } = await Taro.showModal({ title: t.convert, content: t.convertConfirm, confirmText: t.confirm, cancelText: t.cancel })
    if (!confirm)
      return
    try {
      const answer = await convertLead(id, true)
      toast(t.converted, 'success')
      Taro.eventCenter.trigger(CUSTOMERS_CHANGED)
      Taro.redirectTo({ url: `/pages/customer-detail/index?id=${answer.customerId}` })
    } catch (e) {
      toast(errorText(e))
    }
  }

  if (id && !original)
    return <View className='empty'>{loadError || t.loading}</View>

  if (original && original.status === 'converted') {
    return (
      <View className='screen detail'>
        <View className='card'>
          <View className='row'>
            <Text className='detail__name'>{original.name}</Text>
            <Text className='badge'>{label('lead', original.status)}</Text>
          </View>
          {[[t.company, original.company], [t.phone, original.phone], [t.email, original.email], [t.source, original.source]]
            .filter(([, v]) => v).map(([k, v]) => (
              <View key={k} className='row detail__field'><Text className='muted'>{k}</Text><Text selectable>{v}</Text></View>
            ))}
          {original.notes ? <Text className='activity__content'>{original.notes}</Text> : null}
        </View>
        {original.convertedCustomerId ? (
          <View className='detail__actions'>
            <Button size='mini' className='primary' id='view-customer'
              onClick={() => Taro.navigateTo({ url: `/pages/customer-detail/index?id=${original.convertedCustomerId}` })}>{t.viewCustomer}</Button>
          </View>
        ) : null}
      </View>
    )
  }

  // Editing a lead needs lead.write; a role without it still reads the lead here (its notes are shown
  // nowhere else), so the form is shown read only, without save or convert.
  const readOnly = !!original && !can('lead.write')
  const fieldError = (key: string) => (error && error.field === key ? <Text className='error form__error'>{error.message}</Text> : null)
  const input = (key: typeof TEXTS[number], title: string, type: 'text' | 'number' = 'text') => (
    <View className='form__item'>
      <Text className='muted'>{title}</Text>
      <Input className='field' id={`lead-${key}`} type={type} disabled={readOnly} value={fields[key]} onInput={(e) => setFields({ ...fields, [key]: e.detail.value })} />
      {fieldError(key)}
    </View>
  )
  // Converting creates the customer, its contact and (as this page asks) an opportunity: the server
  // wants lead.write, customer.write and opportunity.write for it, more than saving the lead does.
  const mayConvert = can('lead.write') && can('customer.write') && can('opportunity.write')
  return (
    <View className='screen form'>
      {input('name', t.name)}
      {input('company', t.company)}
      {input('phone', t.phone, 'number')}
      {input('email', t.email)}
      {input('source', t.source)}
      {original ? (
        <View className='form__item'>
          <Text className='muted'>{t.status}</Text>
          <Picker mode='selector' disabled={readOnly} range={STATUSES.map((s) => label('lead', s))} value={STATUSES.indexOf(fields.status as any)}
            onChange={(e) => setFields({ ...fields, status: STATUSES[Number(e.detail.value)] })}>
            <View className='field' id='lead-status'>{label('lead', fields.status)}</View>
          </Picker>
        </View>
      ) : null}
      <View className='form__item'>
        <Text className='muted'>{t.notes}</Text>
        <Textarea className='field form__notes' disabled={readOnly} value={fields.notes} maxlength={2000} onInput={(e) => setFields({ ...fields, notes: e.detail.value })} />
        {fieldError('notes')}
      </View>
      {error && !(TEXTS as readonly string[]).includes(error.field || '') ? <Text className='error' id='form-error'>{error.message}</Text> : null}
      {readOnly ? null
        : <Button className='primary' id='save-lead' loading={busy} disabled={busy} onClick={save}>{original ? t.save : t.create}</Button>}
      {original && original.status !== 'disqualified' && mayConvert
        ? <Button className='secondary form__delete' id='convert-lead' onClick={convert}>{t.convert}</Button> : null}
    </View>
  )
}
