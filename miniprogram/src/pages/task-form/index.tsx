import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components'
import { createTask } from '../../api/crm'
import WhenPicker from '../../components/WhenPicker'
import { epochMs, localWhen } from '../../format'
import { t } from '../../i18n'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { useSubmit } from '../../useSubmit'
import { usePageTitle } from '../../pageTitle'

// A to-do of the rep's own, due at a local date and time, with a reminder 30 minutes before unless
// switched off (the task manager's createTask). The server assigns it to the caller.
export default function TaskForm() {
  usePageTitle(t.newTask)
  useSignedIn()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [when, setWhen] = useState(localWhen(0))
  const [remind, setRemind] = useState(true)
  const { busy, error, submit: save } = useSubmit(async () => {
    const due = epochMs(when)
    await createTask({ title: title.trim(), description: description || undefined, dueDate: due, reminderTime: remind ? due - 30 * 60000 : undefined })
    toast(t.created, 'success')
    Taro.navigateBack()
  })

  return (
    <View className='screen form'>
      <View className='form__item'>
        <Text className='muted'>{t.taskTitle}</Text>
        <Input className='field' id='task-title' value={title} onInput={(e) => setTitle(e.detail.value)} />
        {error && error.field === 'title' ? <Text className='error form__error'>{error.message}</Text> : null}
      </View>
      <WhenPicker value={when} onChange={setWhen} />
      <View className='row form__item'>
        <Text>{t.remind}</Text>
        <Switch checked={remind} color='#1f6feb' onChange={(e) => setRemind(e.detail.value)} />
      </View>
      <View className='form__item'>
        <Text className='muted'>{t.description}</Text>
        <Textarea className='field form__notes' value={description} maxlength={2000} onInput={(e) => setDescription(e.detail.value)} />
      </View>
      {error && error.field !== 'title' ? <Text className='error'>{error.message}</Text> : null}
      <Button className='primary' id='create-task' loading={busy} disabled={busy} onClick={save}>{t.create}</Button>
    </View>
  )
}
