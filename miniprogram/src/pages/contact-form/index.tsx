import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components'
import { addContact, contact as getContact, ContactFields, removeContact, updateContact } from '../../api/crm'
import { can } from '../../api/session'
import { errorText } from '../../errorText'
import { t } from '../../i18n'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { useSubmit } from '../../useSubmit'
import { usePageTitle } from '../../pageTitle'

const EMPTY: ContactFields = { name: '', position: '', relationship: '', phone: '', email: '', primary: false, notes: '' }
type TextKey = Exclude<keyof ContactFields, 'primary'>

// A person at a customer: ?customerId= adds one, ?id= edits or deletes one. The server keeps one
// primary contact per customer (making this one primary clears the other) and validates the phone
// and email; an edit sends only what changed.
export default function ContactForm() {
  usePageTitle(t.contacts)
  const params = useRouter().params
  const id = Number(params.id) || 0
  const customerId = Number(params.customerId) || 0
  const [original, setOriginal] = useState<ContactFields | null>(null)
  const [fields, setFields] = useState<ContactFields>(EMPTY)
  const [loadError, setLoadError] = useState('')
  useSignedIn(async () => {
    if (!id || original)
      return
    try {
      const { contact } = await getContact(id)
      const values = { name: contact.name, position: contact.position, relationship: contact.relationship, phone: contact.phone,
        email: contact.email, primary: contact.primary, notes: contact.notes }
      setOriginal(values)
      setFields(values)
    } catch (e) {
      setLoadError(errorText(e))
    }
  })

  const { busy, error, submit: save } = useSubmit(async () => {
    if (original) {
      const changed = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== original[k as keyof ContactFields]))
      if (Object.keys(changed).length)
        await updateContact(id, changed)
      toast(t.saved, 'success')
    } else {
      await addContact(customerId, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')))
      toast(t.created, 'success')
    }
    Taro.navigateBack()
  })

  const remove = async () => {
    const { confirm } = await Taro.showModal({ title: t.delete, content: t.deleteContactConfirm, confirmText: t.confirm, cancelText: t.cancel })
    if (!confirm)
      return
    try {
      await removeContact(id)
      toast(t.deleted, 'success')
      Taro.navigateBack()
    } catch (e) {
      toast(errorText(e))
    }
  }

  if (id && !original)
    return <View className='empty'>{loadError || t.loading}</View>

  // Editing and deleting a contact need customer.write; a role without it still reads the contact here
  // (its phone and email are shown nowhere else), so the form is shown read only, without save or delete.
  const readOnly = !!original && !can('customer.write')
  const fieldError = (key: string) => (error && error.field === key ? <Text className='error form__error'>{error.message}</Text> : null)
  const input = (key: TextKey, title: string, type: 'text' | 'number' = 'text') => (
    <View className='form__item'>
      <Text className='muted'>{title}</Text>
      <Input className='field' id={`contact-${key}`} type={type} disabled={readOnly} value={fields[key]}
        onInput={(e) => setFields({ ...fields, [key]: e.detail.value })} />
      {fieldError(key)}
    </View>
  )
  return (
    <View className='screen form'>
      {input('name', t.name)}
      {input('position', t.position)}
      {input('relationship', t.relationship)}
      {input('phone', t.phone, 'number')}
      {input('email', t.email)}
      <View className='form__item row'>
        <Text>{t.primaryContact}</Text>
        <Switch id='contact-primary' disabled={readOnly} checked={fields.primary} color='#1f6feb' onChange={(e) => setFields({ ...fields, primary: e.detail.value })} />
      </View>
      <View className='form__item'>
        <Text className='muted'>{t.notes}</Text>
        <Textarea className='field form__notes' disabled={readOnly} value={fields.notes} maxlength={2000} onInput={(e) => setFields({ ...fields, notes: e.detail.value })} />
        {fieldError('notes')}
      </View>
      {error && !['name', 'position', 'relationship', 'phone', 'email', 'notes'].includes(error.field || '')
        ? <Text className='error'>{error.message}</Text> : null}
      {readOnly ? null
        : <Button className='primary' id='save-contact' loading={busy} disabled={busy} onClick={save}>{original ? t.save : t.create}</Button>}
      {original && !readOnly ? <Button className='secondary form__delete' id='delete-contact' onClick={remove}>{t.delete}</Button> : null}
    </View>
  )
}
