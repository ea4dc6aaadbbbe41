import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Input, Picker, ScrollView, Text, View } from '@tarojs/components'
import { ApiError } from '../../api/client'
import { moveOpportunity, pipeline as loadPipeline } from '../../api/crm'
import type { Opportunity, Pipeline as Board, Stage } from '../../api/types'
import { label, t } from '../../i18n'
import { errorText } from '../../errorText'
import { daysSince, money } from '../../format'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import './index.css'

// Seed 000's pipeline page: the stages with count, value and weighted value, the open stage's cards,
// and moving a card to another stage (a lost stage asks why). The totals are the server's, over
// everything the rep may see, not only the cards listed.
export default function Pipeline() {
  const [board, setBoard] = useState<Board | null>(null)
  const [stageId, setStageId] = useState<number | null>(null)
  const [losing, setLosing] = useState<{ opportunity: Opportunity; stage: Stage } | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')

  const load = async () => {
    try {
      const answer = await loadPipeline()
      setBoard(answer)
      setError('')
      setStageId((current) => current ?? (answer.stages.find((s) => s.kind === 'open') || answer.stages[0])?.id ?? null)
    } catch (e) {
      setError(errorText(e))
    }
  }
  useSignedIn(load)
  usePullDownRefresh(() => load().finally(() => Taro.stopPullDownRefresh()))

  const move = async (o: Opportunity, stage: Stage, lossReason?: string) => {
    if (stage.kind === 'lost' && !lossReason) {
      setLosing({ opportunity: o, stage })
      setReason('')
      return
    }
    Taro.showLoading({ title: t.moveTo + ' ' + label('stage', stage.name) })
    try {
      await moveOpportunity(o.id, stage.id, lossReason)
      Taro.hideLoading()
      toast(t.moved, 'success')
      setLosing(null)
      await load()
    } catch (e) {
      Taro.hideLoading()
      // A refused move says why (e.g. the stage needs a loss reason, or the record changed meanwhile).
      toast(e instanceof ApiError && e.status !== 0 ? errorText(e) : t.moveFailed)
    }
  }

  if (!board)
    return <View className='empty'>{error || t.loading}</View>

  const stage = board.stages.find((s) => s.id === stageId) || board.stages[0]
  const cards = board.opportunities.filter((o) => o.stageId === stage?.id)
  return (
    <View className='screen pipeline'>
      <View className='card pipeline__totals'>
        <Text className='muted'>{t.pipeline}</Text>
        <Text className='pipeline__value' id='pipeline-value'>{money(board.totals.openValue, board.currency)}</Text>
        <Text className='muted'>{board.totals.openCount} {t.opportunities} · {t.weighted} {money(board.totals.weightedValue, board.currency)}</Text>
      </View>
      <ScrollView scrollX className='chips'>
        {board.stages.map((s) => (
          <View key={s.id} className={`chip stage ${s.id === stage?.id ? 'chip--on' : ''}`} onClick={() => setStageId(s.id)}>
            <Text>{label('stage', s.name)} {s.count}</Text>
          </View>
        ))}
      </ScrollView>
      {stage ? (
        <View className='pipeline__stage muted'>
          {label('stage', stage.name)} · {money(stage.value, board.currency)} · {t.weighted} {money(stage.weightedValue, board.currency)}
        </View>
      ) : null}
      {cards.map((o) => {
        const targets = board.stages.filter((s) => s.id !== o.stageId) // where this card may move
        return (
        <View key={o.id} className='card opportunity'>
          <View className='row'>
            <Text className='opportunity__name'>{o.name}</Text>
            <Text className='opportunity__value'>{money(o.value, o.currency)}</Text>
          </View>
          <Text className='muted opportunity__line'>{o.customerName}</Text>
          <View className='row'>
            <Text className='muted'>{t.probability} {o.probability}% · {daysSince(o.stageEnteredAt)} {t.daysInStage} · {o.ownerName}</Text>
            <Picker mode='selector' range={targets.map((s) => label('stage', s.name))}
              onChange={(e) => move(o, targets[Number(e.detail.value)])}>
              <Text className='opportunity__move'>{t.moveTo} ▸</Text>
            </Picker>
          </View>
        </View>
      ) })}
      {stage && !cards.length ? <View className='empty'>{stage.count ? `${stage.count} ${t.opportunities}` : t.noMore}</View> : null}
      {stage && stage.hasMore ? <View className='footer'>{cards.length} / {stage.count}</View> : null}
      {losing ? (
        <View className='sheet'>
          <View className='sheet__body'>
            <Text className='section-title'>{t.lossReason}</Text>
            <Input className='field' value={reason} focus onInput={(e) => setReason(e.detail.value)} />
            <View className='row'>
              <Button className='secondary sheet__button' onClick={() => setLosing(null)}>{t.cancel}</Button>
              <Button className='primary sheet__button'
                onClick={() => (reason.trim() ? move(losing.opportunity, losing.stage, reason.trim()) : toast(t.lossReasonRequired))}>
                {t.confirm}
              </Button>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}
