import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import { ApiError } from '../../api/client'
import { createTask } from '../../api/crm'
import { t } from '../../i18n'
import { errorText } from '../../errorText'
import { toast, useSignedIn } from '../../signedIn'
import './index.css'

const pad = (n: number) => (n < 10 ? '0' + n : String(n))
function inAnHour(): { date: string; time: string } {
  const d = new Date(Date.now() + 3600000)
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:00` }
}

// A to-do of the rep's own, due at a local date and time, with a reminder 30 minutes before unless
// switched off (the task manager's createTask). The server assigns it to the caller.
export default function TaskForm() {
  useSignedIn()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [when, setWhen] = useState(inAnHour())
  const [remind, setRemind] = useState(true)
  const [error, setError] = useState<{ field?: string; message: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    if (busy)
      return
    setBusy(true)
    setError(null)
    try {
      const due = new Date(`${when.date}T${when.time}:00`).getTime()
      await createTask({ title: title.trim(), description: description || undefined, dueDate: due, reminderTime: remind ? due - 30 * 60000 : undefined })
      toast(t.created, 'success')
      Taro.navigateBack()
    } catch (e) {
      setError({ field: e instanceof ApiError ? e.field : undefined, message: errorText(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='screen form'>
      <View className='form__item'>
        <Text className='muted'>{t.taskTitle}</Text>
        <Input className='field' id='task-title' value={title} onInput={(e) => setTitle(e.detail.value)} />
        {error && error.field === 'title' ? <Text className='error form__error'>{error.message}</Text> : null}
      </View>
      <View className='row form__when'>
        <Picker mode='date' value={when.date} onChange={(e) => setWhen({ ...when, date: e.detail.value })}>
          <Text className='chip'>{t.followUpDate}: {when.date}</Text>
        </Picker>
        <Picker mode='time' value={when.time} onChange={(e) => setWhen({ ...when, time: e.detail.value })}>
          <Text className='chip'>{t.followUpTime}: {when.time}</Text>
        </Picker>
      </View>
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
