import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Picker, ScrollView, Text, View } from '@tarojs/components'
import { pipeline as loadPipeline } from '../../api/crm'
import { can } from '../../api/session'
import type { Pipeline as Board } from '../../api/types'
import { useStageMove } from '../../components/useStageMove'
import { label, t } from '../../i18n'
import { errorText } from '../../errorText'
import { daysSince, money } from '../../format'
import { useSignedIn } from '../../signedIn'
import { usePageTitle } from '../../pageTitle'
import './index.css'

// Seed 000's pipeline page: the stages with count, value and weighted value, the open stage's cards,
// and moving a card to another stage (a lost stage asks why); tapping a card opens its opportunity.
// The totals are the server's, over everything the rep may see, not only the cards listed.
export default function Pipeline() {
  usePageTitle(t.tabPipeline)
  const [board, setBoard] = useState<Board | null>(null)
  const [stageId, setStageId] = useState<number | null>(null)
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

  const { move, sheet } = useStageMove(load)

  if (!board)
    return <View className='empty'>{error || t.loading}</View>

  const stage = board.stages.find((s) => s.id === stageId) || board.stages[0]
  const cards = board.opportunities.filter((o) => o.stageId === stage?.id)
  const mayMove = can('opportunity.write') // a move is an edit of the opportunity
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
        <View key={o.id} className='card opportunity' onClick={() => Taro.navigateTo({ url: `/pages/opportunity/index?id=${o.id}` })}>
          <View className='row'>
            <Text className='opportunity__name'>{o.name}</Text>
            <Text className='opportunity__value'>{money(o.value, o.currency)}</Text>
          </View>
          <Text className='muted opportunity__line'>{o.customerName}</Text>
          <View className='row'>
            <Text className='muted'>{t.probability} {o.probability}% · {daysSince(o.stageEnteredAt)} {t.daysInStage} · {o.ownerName}</Text>
            {/* The move picker's tap stops here: it must not also open the card. */}
            {mayMove ? (
              <View onClick={(e) => e.stopPropagation()}>
                <Picker mode='selector' range={targets.map((s) => label('stage', s.name))}
                  onChange={(e) => move(o.id, targets[Number(e.detail.value)])}>
                  <Text className='opportunity__move'>{t.moveTo} ▸</Text>
                </Picker>
              </View>
            ) : null}
          </View>
        </View>
      ) })}
      {stage && !cards.length ? <View className='empty'>{stage.count ? `${stage.count} ${t.opportunities}` : t.noMore}</View> : null}
      {stage && stage.hasMore ? <View className='footer'>{cards.length} / {stage.count}</View> : null}
      {sheet}
    </View>
  )
}
