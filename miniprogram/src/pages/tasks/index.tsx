import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { completeTask, tasks as loadTasks, TaskView } from '../../api/crm'
import type { Task } from '../../api/types'
import { t } from '../../i18n'
import { errorText } from '../../errorText'
import { dateTime } from '../../format'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { usePageTitle } from '../../pageTitle'
import './index.css'

const VIEWS: { key: TaskView; text: string }[] = [
  { key: 'today', text: t.today },
  { key: 'overdue', text: t.overdue },
  { key: 'upcoming', text: t.upcoming }
]

// The task manager's three views (open tasks only, the phone's days); completing one removes it,
// tapping one opens it (reschedule, rename, its customer).
export default function Tasks() {
  usePageTitle(t.tabTasks)
  const [view, setView] = useState<TaskView>('today')
  const [items, setItems] = useState<Task[] | null>(null)
  const [error, setError] = useState('')

  const load = async (v = view) => {
    try {
      const answer = await loadTasks(v)
      setItems(answer.tasks)
      setError('')
    } catch (e) {
      setError(errorText(e))
    }
  }
  useSignedIn(() => load())
  usePullDownRefresh(() => load().finally(() => Taro.stopPullDownRefresh()))

  const choose = (v: TaskView) => {
    setView(v)
    setItems(null)
    load(v)
  }

  const complete = async (task: Task) => {
    try {
      await completeTask(task.id)
      setItems((old) => (old || []).filter((x) => x.id !== task.id))
      toast(t.completed, 'success')
    } catch (e) {
      toast(errorText(e))
    }
  }

  return (
    <View className='screen tasks'>
      <View className='chips'>
        {VIEWS.map((v) => (
          <Text key={v.key} className={`chip ${view === v.key ? 'chip--on' : ''}`} onClick={() => choose(v.key)}>{v.text}</Text>
        ))}
      </View>
      {error ? <Text className='error tasks__error'>{error}</Text> : null}
      {items === null ? <View className='footer'>{t.loading}</View>
        : !items.length ? <View className='empty'>{t.noTasks}</View>
        : items.map((task) => (
          <View key={task.id} className='card row task'>
            <View className='task__main' onClick={() => Taro.navigateTo({ url: `/pages/task-form/index?id=${task.id}` })}>
              <Text className='task__title'>{task.title}</Text>
              <Text className={`muted task__line ${view === 'overdue' ? 'task__late' : ''}`}>
                {t.due} {dateTime(task.dueDate)}{task.customerName ? ` · ${task.customerName}` : ''}
              </Text>
            </View>
            <Text className='task__done' onClick={() => complete(task)}>{t.complete}</Text>
          </View>
        ))}
      <View className='fab' id='new-task' onClick={() => Taro.navigateTo({ url: '/pages/task-form/index' })}>+</View>
    </View>
  )
}
