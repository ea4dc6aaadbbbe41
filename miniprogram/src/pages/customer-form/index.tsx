import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { createCustomer, customer as getCustomer, customFieldDefs, updateCustomer } from '../../api/crm'
import type { Customer, CustomFieldDef, CustomValue } from '../../api/types'
import CustomFields, { customFieldsBody } from '../../components/CustomFields'
import { errorText } from '../../errorText'
import { label, t } from '../../i18n'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { CUSTOMERS_CHANGED } from '../../pagedList'
import { saveUnlessChanged, useSubmit } from '../../useSubmit'
import { usePageTitle } from '../../pageTitle'

const KINDS = ['company', 'person'] as const
const STATUSES = ['prospect', 'new', 'active', 'loyal', 'at_risk', 'lost']
const EMPTY = { name: '', kind: 'company', company: '', position: '', phone: '', email: '', source: '', status: 'prospect', notes: '' }
type Fields = typeof EMPTY
type Key = keyof Fields
// The body's field each form field is hidden or refused under (the API names phones and emails).
const apiName = (key: Key) => (key === 'phone' ? 'phones' : key === 'email' ? 'emails' : key)

function fieldsOf(c: Customer): Fields {
  return { name: c.name, kind: c.kind, company: c.company, position: c.position, phone: c.phone, email: c.email,
    source: c.source, status: c.status, notes: c.notes || '' }
}

// The phone (or email) list with its primary entry replaced, or removed when cleared; the
// customer's other numbers stay. Sending `phone` alone would replace the whole list with one entry.
type Entry = { label: string; primary: boolean; number?: string; address?: string }
function listWith(entries: Entry[] | undefined, key: 'number' | 'address', current: string, value: string) {
  const list = entries || []
  const primary = list.find((e) => e.primary || e[key] === current)
  const others = list.filter((e) => e !== primary)
  const next = value ? [{ ...primary, label: primary?.label ?? (key === 'number' ? 'mobile' : ''), [key]: value, primary: true }, ...others] : others
  return next.map((e, i) => ({ ...e, primary: i === 0 }))
}

// A new customer, or (with ?id=) the edit of one, with the fields a rep has at hand in the field;
// the rest is edited on the desktop. An edit sends only what changed, with the version it started
// from: a customer changed meanwhile is reloaded and the rep told, never overwritten. The server
// validates (name required, phone and email formats, duplicates, field rules, the company's own
// fields): its message is shown under the field it names. Fields the rep's role may not see are left out.
export default function CustomerForm() {
  usePageTitle(t.newCustomer)
  const id = Number(useRouter().params.id) || 0
  const [original, setOriginal] = useState<Customer | null>(null)
  const [fields, setFields] = useState<Fields>(EMPTY)
  const [defs, setDefs] = useState<CustomFieldDef[] | null>(null)
  const [custom, setCustom] = useState<Record<string, CustomValue>>({})
  const [loadError, setLoadError] = useState('')
  const show = (c: Customer) => {
    setOriginal(c)
    setFields(fieldsOf(c))
    setCustom(c.customFields || {})
  }
  const load = async () => {
    if (defs)
      return
    try {
      const [answer, fieldDefs] = await Promise.all([id ? getCustomer(id) : Promise.resolve(null), customFieldDefs()])
      if (answer) {
        show(answer.customer)
        Taro.setNavigationBarTitle({ title: `${t.edit} · ${answer.customer.name}` })
      }
      setDefs(fieldDefs.fields)
    } catch (e) {
      setLoadError(errorText(e))
    }
  }
  useSignedIn(load)

  const set = (key: Key) => (e: { detail: { value: string } }) => setFields({ ...fields, [key]: e.detail.value })
  const { busy, error, submit: save } = useSubmit(async () => {
    const customBody = customFieldsBody(defs || [], custom)
    if (!original) {
      const body: Record<string, unknown> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''))
      if (Object.keys(customBody).length)
        body.customFields = customBody
      const answer = await createCustomer(body)
      toast(t.created, 'success')
      Taro.eventCenter.trigger(CUSTOMERS_CHANGED)
      Taro.redirectTo({ url: `/pages/customer-detail/index?id=${answer.customer.id}` })
      return
    }
    const was = fieldsOf(original)
    const body: Record<string, unknown> = {}
    for (const key of Object.keys(fields) as Key[]) {
      if (fields[key] === was[key])
        continue
      if (key === 'phone')
        body.phones = listWith(original.phones, 'number', original.phone, fields.phone.trim())
      else if (key === 'email')
        body.emails = listWith(original.emails, 'address', original.email, fields.email.trim())
      else
        body[key] = fields[key]
    }
    if (JSON.stringify(customBody) !== JSON.stringify(customFieldsBody(defs || [], original.customFields || {})))
      body.customFields = customBody
    if (Object.keys(body).length) {
      await saveUnlessChanged(() => updateCustomer(id, original.version, body),
        async () => show((await getCustomer(id)).customer))
      Taro.eventCenter.trigger(CUSTOMERS_CHANGED)
    }
    toast(t.saved, 'success')
    Taro.navigateBack()
  })

  if (!defs)
    return <View className='empty'>{loadError || t.loading}</View>

  const hidden = new Set(original?.hiddenFields || [])
  const errorKey = (error?.field || '').replace(/^phones.*/, 'phone').replace(/^emails.*/, 'email')
  const fieldError = (key: string) => (error && errorKey === key ? <Text className='error form__error'>{error.message}</Text> : null)
  const input = (key: Key, title: string, type: 'text' | 'number' = 'text') => (hidden.has(apiName(key)) ? null : (
    <View className='form__item'>
      <Text className='muted'>{title}</Text>
      <Input className='field' id={`field-${key}`} type={type} value={fields[key]} onInput={set(key)} />
      {fieldError(key)}
    </View>
  ))

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
      {fields.kind === 'person' ? input('position', t.position) : null}
      {input('phone', t.phone, 'number')}
      {input('email', t.email)}
      {input('source', t.source)}
      {hidden.has('status') ? null : (
        <View className='form__item'>
          <Text className='muted'>{t.status}</Text>
          <Picker mode='selector' range={STATUSES.map((s) => label('status', s))} value={STATUSES.indexOf(fields.status)}
            onChange={(e) => setFields({ ...fields, status: STATUSES[Number(e.detail.value)] })}>
            <View className='field'>{label('status', fields.status)}</View>
          </Picker>
        </View>
      )}
      {hidden.has('customFields') ? null : (
        <CustomFields defs={defs} values={custom} onChange={(key, value) => setCustom({ ...custom, [key]: value })}
          errorField={errorKey} errorMessage={error?.message} />
      )}
      {hidden.has('notes') ? null : (
        <View className='form__item'>
          <Text className='muted'>{t.notes}</Text>
          <Textarea className='field form__notes' value={fields.notes} maxlength={2000} onInput={set('notes')} />
          {fieldError('notes')}
        </View>
      )}
      {error && !['name', 'company', 'position', 'phone', 'email', 'source', 'notes'].includes(errorKey) && !errorKey.startsWith('customFields.')
        ? <Text className='error' id='form-error'>{error.message}</Text> : null}
      <Button className='primary' id='save-customer' loading={busy} disabled={busy} onClick={save}>
        {original ? t.save : t.create}
      </Button>
    </View>
  )
}
