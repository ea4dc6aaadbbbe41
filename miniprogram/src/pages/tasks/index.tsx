import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { closingSoon, completeTask, tasks as loadTasks, TaskView } from '../../api/crm'
import { can, currentUser } from '../../api/session'
import type { Opportunity, Task } from '../../api/types'
import ClosingSoon from '../../components/ClosingSoon'
import { t } from '../../i18n'
import { errorText } from '../../errorText'
import { useKeysetList } from '../../pagedList'
import { dateTime, localDate } from '../../format'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { usePageTitle } from '../../pageTitle'
import './index.css'

const VIEWS: { key: TaskView; text: string }[] = [
  { key: 'today', text: t.today },
  { key: 'overdue', text: t.overdue },
  { key: 'upcoming', text: t.upcoming }
]

const CLOSING_DAYS = 7

// The task manager's three views (open tasks only, the phone's days); completing one removes it,
// tapping one opens it (reschedule, rename, its customer). Above them the rep's deals closing within
// the next 7 days (the phone's days) or overdue, so they are followed up in time.
export default function Tasks() {
  usePageTitle(t.tabTasks)
  const [view, setView] = useState<TaskView>('today')
  const [closing, setClosing] = useState<{ deals: Opportunity[]; total: number }>({ deals: [], total: 0 })

  const loadClosing = async () => {
    const me = currentUser()
    if (!me)
      return
    try {
      const answer = await closingSoon(me.id, localDate(CLOSING_DAYS))
      setClosing({ deals: answer.opportunities, total: answer.total })
    } catch {
      // The tasks are the page's business: the section just stays as it was.
    }
  }

  // A page at a time (a rep may have more than a screenful in a week); an answer for a view no
  // longer chosen (the first view's, still on its way when another chip was tapped) is dropped.
  const { items, setItems, next, state, load, more } = useKeysetList<Task, TaskView>(async (v, after) => {
    const page = await loadTasks(v, after)
    return { items: page.tasks, hasMore: page.hasMore, next: page.next }
  })
  useSignedIn(() => {
    load(view)
    loadClosing()
  })
  usePullDownRefresh(() => Promise.all([load(view), loadClosing()]).finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => more(view))

  const choose = (v: TaskView) => {
    setView(v)
    setItems([])
    load(v)
  }

  const complete = async (task: Task) => {
    try {
      await completeTask(task.id)
      setItems((old) => old.filter((x) => x.id !== task.id))
      toast(t.completed, 'success')
    } catch (e) {
      toast(errorText(e))
    }
  }

  // Completing, adding and editing a task all need task.write: without it there is no complete or new
  // button, and a task still opens its form, read only there.
  const mayWrite = can('task.write')
  return (
    <View className='screen tasks'>
      <ClosingSoon deals={closing.deals} total={closing.total} />
      <View className='chips'>
        {VIEWS.map((v) => (
          <Text key={v.key} className={`chip ${view === v.key ? 'chip--on' : ''}`} onClick={() => choose(v.key)}>{v.text}</Text>
        ))}
      </View>
      {items.map((task) => (
          <View key={task.id} className='card row task'>
            <View className='task__main' onClick={() => Taro.navigateTo({ url: `/pages/task-form/index?id=${task.id}` })}>
              <Text className='task__title'>{task.title}</Text>
              <Text className={`muted task__line ${view === 'overdue' ? 'task__late' : ''}`}>
                {t.due} {dateTime(task.dueDate)}{task.customerName ? ` · ${task.customerName}` : ''}
              </Text>
            </View>
            {mayWrite ? <Text className='task__done' onClick={() => complete(task)}>{t.complete}</Text> : null}
          </View>
        ))}
      {state === 'failed' ? <View className='footer' onClick={() => load(view)}>{t.loadFailed}</View>
        : state === 'loading' ? <View className='footer'>{t.loading}</View>
        : !items.length ? <View className='empty'>{t.noTasks}</View>
        : !next ? <View className='footer'>{t.noMore}</View> : null}
      {mayWrite ? <View className='fab' id='new-task' onClick={() => Taro.navigateTo({ url: '/pages/task-form/index' })}>+</View> : null}
    </View>
  )
}
