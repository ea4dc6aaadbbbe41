import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components'
import { completeTask, createTask, task as getTask, updateTask } from '../../api/crm'
import { can } from '../../api/session'
import type { Task } from '../../api/types'
import WhenPicker from '../../components/WhenPicker'
import { errorText } from '../../errorText'
import { epochMs, localWhen, whenOf } from '../../format'
import { t } from '../../i18n'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { saveUnlessChanged, useSubmit } from '../../useSubmit'
import { usePageTitle } from '../../pageTitle'

const REMINDER_MS = 30 * 60000

// How long before the due time the task reminds: its own distance, or 30 minutes.
function reminderLead(task: Task | null): number {
  if (task && task.dueDate && task.reminderTime)
    return Math.max(0, Date.parse(task.dueDate) - Date.parse(task.reminderTime))
  return REMINDER_MS
}

// A to-do of the rep's own, due at a local date and time, with a reminder 30 minutes before unless
// switched off (the task manager's createTask); the server assigns it to the caller. With ?id= the
// task itself: rename, reschedule (its reminder keeps its distance from the due time), switch the
// reminder, mark it done. An edit sends only what changed, with the version it started from.
export default function TaskForm() {
  usePageTitle(t.newTask)
  const id = Number(useRouter().params.id) || 0
  const [original, setOriginal] = useState<Task | null>(null)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [when, setWhen] = useState(localWhen(0))
  const [remind, setRemind] = useState(true)
  const [loadError, setLoadError] = useState('')
  const show = (task: Task) => {
    setOriginal(task)
    setTitle(task.title)
    setDescription(task.description)
    setWhen(task.dueDate ? whenOf(task.dueDate) : localWhen(0))
    setRemind(!!task.reminderTime)
    Taro.setNavigationBarTitle({ title: task.title })
  }
  useSignedIn(() => {
    if (id && !original)
      getTask(id).then((a) => show(a.task)).catch((e) => setLoadError(errorText(e)))
  })

  const lead = reminderLead(original)
  const { busy, error, submit: save } = useSubmit(async () => {
    const due = epochMs(when)
    if (!original) {
      await createTask({ title: title.trim(), description: description || undefined, dueDate: due, reminderTime: remind ? due - lead : undefined })
      toast(t.created, 'success')
      Taro.navigateBack()
      return
    }
    const wasDue = original.dueDate ? Date.parse(original.dueDate) : null
    const wasReminder = original.reminderTime ? Date.parse(original.reminderTime) : null
    const reminder = remind ? due - lead : null // rescheduled, the reminder keeps its distance
    const changes: Parameters<typeof updateTask>[2] = {}
    if (title.trim() !== original.title)
      changes.title = title.trim()
    if (description !== original.description)
      changes.description = description
    if (due !== wasDue)
      changes.dueDate = due
    if (reminder !== wasReminder)
      changes.reminderTime = reminder
    if (Object.keys(changes).length) {
      await saveUnlessChanged(() => updateTask(id, original.version, changes), async () => show((await getTask(id)).task))
    }
    toast(t.saved, 'success')
    Taro.navigateBack()
  })

  const done = async () => {
    try {
      await completeTask(id)
      toast(t.completed, 'success')
      Taro.navigateBack()
    } catch (e) {
      toast(errorText(e))
    }
  }

  if (id && !original)
    return <View className='empty'>{loadError || t.loading}</View>

  // Editing and completing a task need task.write; a role without it still reads the task here (its
  // description is shown nowhere else), so the form is shown read only, without save or complete.
  const readOnly = !!original && !can('task.write')
  return (
    <View className='screen form'>
      {original && original.customerId ? (
        <Text className='link' onClick={() => Taro.navigateTo({ url: `/pages/customer-detail/index?id=${original.customerId}` })}>
          {original.customerName}
        </Text>
      ) : null}
      <View className='form__item'>
        <Text className='muted'>{t.taskTitle}</Text>
        <Input className='field' id='task-title' disabled={readOnly} value={title} onInput={(e) => setTitle(e.detail.value)} />
        {error && error.field === 'title' ? <Text className='error form__error'>{error.message}</Text> : null}
      </View>
      <WhenPicker value={when} onChange={setWhen} disabled={readOnly} />
      <View className='row form__item'>
        <Text>{t.remind.replace('%1', String(Math.round(lead / 60000)))}</Text>
        <Switch id='task-remind' disabled={readOnly} checked={remind} color='#1f6feb' onChange={(e) => setRemind(e.detail.value)} />
      </View>
      <View className='form__item'>
        <Text className='muted'>{t.description}</Text>
        <Textarea className='field form__notes' disabled={readOnly} value={description} maxlength={2000} onInput={(e) => setDescription(e.detail.value)} />
      </View>
      {error && error.field !== 'title' ? <Text className='error' id='form-error'>{error.message}</Text> : null}
      {readOnly ? null
        : <Button className='primary' id='save-task' loading={busy} disabled={busy} onClick={save}>{original ? t.save : t.create}</Button>}
      {original && original.status === 'open' && !readOnly
        ? <Button className='secondary form__delete' id='complete-task' onClick={done}>{t.complete}</Button> : null}
    </View>
  )
}
