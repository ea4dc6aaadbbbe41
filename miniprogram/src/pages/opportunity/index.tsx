import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Picker, Text, View } from '@tarojs/components'
import { ApiError } from '../../api/client'
import { opportunity as getOpportunity, opportunityTasks, pipelines } from '../../api/crm'
import type { Opportunity, PipelineStages, Task } from '../../api/types'
import { useStageMove } from '../../components/useStageMove'
import { errorText } from '../../errorText'
import { dateTime, daysSince, money } from '../../format'
import { label, t } from '../../i18n'
import { useSignedIn } from '../../signedIn'
import './index.css'

// One opportunity: its customer, stage, amount, probability, expected close, owner and notes; its
// open tasks; moving it to another stage of its pipeline (a lost stage asks why); editing it.
export default function OpportunityPage() {
  const id = Number(useRouter().params.id)
  const [o, setOpportunity] = useState<Opportunity | null>(null)
  const [stages, setStages] = useState<PipelineStages['stages']>([])
  const [tasks, setTasks] = useState<Task[]>([])
  const [error, setError] = useState('')

  const load = async () => {
    try {
      const [answer, open, all] = await Promise.all([getOpportunity(id), opportunityTasks(id), pipelines()])
      setOpportunity(answer.opportunity)
      Taro.setNavigationBarTitle({ title: answer.opportunity.name })
      setTasks(open.tasks)
      setStages(all.pipelines.find((p) => p.id === answer.opportunity.pipelineId)?.stages || [])
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? t.noOpportunity : errorText(e))
    }
  }
  useSignedIn(load)
  const { move, sheet } = useStageMove(load)

  if (!o)
    return <View className='empty'>{error || t.loading}</View>

  const targets = stages.filter((s) => s.id !== o.stageId)
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
            onClick={k === t.customer ? () => Taro.navigateTo({ url: `/pages/customer-detail/index?id=${o.customerId}` }) : undefined}>
            <Text className='muted'>{k}</Text><Text className={k === t.customer ? 'link' : ''} selectable>{v}</Text>
          </View>
        ))}
        {o.notes ? <Text className='activity__content'>{o.notes}</Text> : null}
      </View>

      <View className='detail__actions'>
        <Picker mode='selector' range={targets.map((s) => label('stage', s.name))} onChange={(e) => move(o.id, targets[Number(e.detail.value)])}>
          <Button size='mini' className='primary' id='move-opportunity'>{t.moveTo} ▸</Button>
        </Picker>
        <Button size='mini' className='secondary' id='edit-opportunity'
          onClick={() => Taro.navigateTo({ url: `/pages/opportunity-form/index?id=${o.id}` })}>{t.edit}</Button>
      </View>

      <Text className='section-title'>{t.openTasks}</Text>
      {tasks.length ? tasks.map((task) => (
        <View key={task.id} className='card row task' onClick={() => Taro.navigateTo({ url: `/pages/task-form/index?id=${task.id}` })}>
          <Text>{task.title}</Text>
          <Text className='muted'>{dateTime(task.dueDate)}</Text>
        </View>
      )) : <View className='footer'>{t.noTasks}</View>}
      {sheet}
    </View>
  )
}
