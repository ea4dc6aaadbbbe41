import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Picker, Text, Textarea, View } from '@tarojs/components'
import { ApiError } from '../../api/client'
import { can } from '../../api/session'
import { logActivity, opportunity as getOpportunity, opportunityActivities, opportunityTasks, pipelines } from '../../api/crm'
import type { Activity, Opportunity, PipelineStages, Task } from '../../api/types'
import ActivityCard from '../../components/ActivityCard'
import { useStageMove } from '../../components/useStageMove'
import { errorText } from '../../errorText'
import { dateTime, daysSince, money } from '../../format'
import { label, t } from '../../i18n'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { useSubmit } from '../../useSubmit'
import './index.css'

type Form = '' | 'note' | 'visit'

// One opportunity: its customer, stage, amount, probability, expected close, owner and notes; its
// open tasks; what was logged on it (newest first, paged by the API's `next`), with a note or a visit
// logged on it from here; moving it to another stage of its pipeline (a lost stage asks why); editing it.
export default function OpportunityPage() {
  const id = Number(useRouter().params.id)
  const [o, setOpportunity] = useState<Opportunity | null>(null)
  const [stages, setStages] = useState<PipelineStages['stages']>([])
  const [tasks, setTasks] = useState<Task[]>([])
  const [activities, setActivities] = useState<Activity[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [form, setForm] = useState<Form>('')
  const [text, setText] = useState('')
  const [error, setError] = useState('')

  const load = async () => {
    try {
      // A role without task.read or activity.read still sees the rest of the deal.
      const unless403 = <T,>(empty: T) => (e: unknown): T => {
        if (e instanceof ApiError && e.status === 403)
          return empty
        throw e
      }
      const [answer, open, logged, all] = await Promise.all([
        getOpportunity(id),
        opportunityTasks(id).catch(unless403({ tasks: [] as Task[] })),
        opportunityActivities(id).catch(unless403({ activities: [] as Activity[], hasMore: false, next: null as string | null })),
        pipelines()
      ])
      setOpportunity(answer.opportunity)
      Taro.setNavigationBarTitle({ title: answer.opportunity.name })
      setTasks(open.tasks)
      setActivities(logged.activities)
      setNext(logged.hasMore ? logged.next : null)
      setStages(all.pipelines.find((p) => p.id === answer.opportunity.pipelineId)?.stages || [])
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? t.noOpportunity : errorText(e))
    }
  }
  useSignedIn(load)
  const { move, sheet } = useStageMove(load)

  const more = async () => {
    if (!next)
      return
    try {
      const page = await opportunityActivities(id, next)
      setActivities((old) => [...old, ...page.activities])
      setNext(page.hasMore ? page.next : null)
    } catch (e) {
      toast(errorText(e))
    }
  }

  const { busy, error: submitError, submit } = useSubmit(async () => {
    if (!o || !form)
      return
    await logActivity(o.customerId, form, text, o.id)
    toast(t.logged, 'success')
    setForm('')
    setText('')
    await load()
  })
  const open = (f: Form) => {
    setForm(form === f ? '' : f)
    setText('')
  }

  if (!o)
    return <View className='empty'>{error || t.loading}</View>

  const targets = stages.filter((s) => s.id !== o.stageId)
  // The deal can be in the user's scope while its customer is not (a subordinate's deal on an outsider's
  // customer, a customer since moved to another rep); logging on it would be 404, so it is not offered,
  // nor the customer's page, which would say there is no such customer. A role without activity.write
  // gets no log buttons either (the desktop does the same).
  const customerVisible = o.customerVisible !== false
  const mayLog = can('activity.write')
  const mayEdit = can('opportunity.write') // moving a stage is an edit too
  const logAllowed = customerVisible && mayLog
  return (
    <View className='screen detail'>
      <View className='card'>
        <View className='row'>
          <Text className='detail__name' id='opportunity-name'>{o.name}</Text>
          <Text className='badge' id='opportunity-stage'>{label('stage', o.stageName)}</Text>
        </View>
        <Text className='opportunity__amount' id='opportunity-value'>{money(o.value, o.currency)}</Text>
        {[
          [t.customer, o.customerName],
          [t.probability, `${o.probability}%`],
          [t.expectedClose, o.expectedCloseDate || ''],
          [t.stage, o.status === 'open' ? `${label('stage', o.stageName)} · ${daysSince(o.stageEnteredAt)} ${t.daysInStage}` : label('stage', o.stageName)],
          [t.lossReason, o.status === 'lost' ? o.lossReason : ''],
          [t.owner, o.ownerName]
        ].filter(([, v]) => v).map(([k, v]) => (
          <View key={k} className='row detail__field'
            onClick={k === t.customer && customerVisible ? () => Taro.navigateTo({ url: `/pages/customer-detail/index?id=${o.customerId}` }) : undefined}>
            <Text className='muted'>{k}</Text><Text className={k === t.customer && customerVisible ? 'link' : ''} selectable>{v}</Text>
          </View>
        ))}
        {o.notes ? <Text className='activity__content'>{o.notes}</Text> : null}
      </View>

      <View className='detail__actions'>
        {mayEdit ? (
          <>
            <Picker mode='selector' range={targets.map((s) => label('stage', s.name))} onChange={(e) => move(o.id, targets[Number(e.detail.value)])}>
              <Button size='mini' className='primary' id='move-opportunity'>{t.moveTo} ▸</Button>
            </Picker>
            <Button size='mini' className='secondary' id='edit-opportunity'
              onClick={() => Taro.navigateTo({ url: `/pages/opportunity-form/index?id=${o.id}` })}>{t.edit}</Button>
          </>
        ) : null}
        {logAllowed ? (
          <>
            <Button size='mini' className='secondary' id='log-note' onClick={() => open('note')}>{t.logNote}</Button>
            <Button size='mini' className='secondary' id='log-visit' onClick={() => open('visit')}>{t.logVisit}</Button>
          </>
        ) : null}
      </View>
      {mayLog && !customerVisible ? <Text className='muted opportunity__no-log' id='log-out-of-scope'>{t.customerOutOfScope}</Text> : null}

      {form && logAllowed ? (
        <View className='card'>
          <Textarea className='detail__text' id='log-text' value={text} maxlength={2000} placeholder={t.logContent}
            onInput={(e) => setText(e.detail.value)} />
          <Button className='primary' id='log-save' loading={busy} disabled={busy} onClick={submit}>{t.save}</Button>
        </View>
      ) : null}
      {submitError ? <Text className='error detail__error'>{submitError.message}</Text> : null}

      <Text className='section-title'>{t.openTasks}</Text>
      {tasks.length ? tasks.map((task) => (
        <View key={task.id} className='card row task' onClick={() => Taro.navigateTo({ url: `/pages/task-form/index?id=${task.id}` })}>
          <Text>{task.title}</Text>
          <Text className='muted'>{dateTime(task.dueDate)}</Text>
        </View>
      )) : <View className='footer'>{t.noTasks}</View>}

      <Text className='section-title'>{t.timeline}</Text>
      {activities.length ? activities.map((a) => <ActivityCard key={a.id} a={a} />) : <View className='footer'>{t.noActivities}</View>}
      {next ? <View className='footer detail__more' id='more-activities' onClick={more}>{t.more}</View> : null}
      {sheet}
    </View>
  )
}
