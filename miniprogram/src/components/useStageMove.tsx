import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { ApiError } from '../api/client'
import { moveOpportunity } from '../api/crm'
import { errorText } from '../errorText'
import { label, t } from '../i18n'
import { toast } from '../toast'

export interface MoveTarget {
  id: number
  name: string
  kind: 'open' | 'won' | 'lost'
}

// Moving an opportunity to another stage, for the pipeline board and an opportunity's page: a lost
// stage first asks why (the sheet this returns), a refused move says why. `onMoved` reloads the page.
export function useStageMove(onMoved: () => Promise<void> | void) {
  const [losing, setLosing] = useState<{ id: number; stage: MoveTarget } | null>(null)
  const [reason, setReason] = useState('')

  const move = async (id: number, stage: MoveTarget, lossReason?: string) => {
    if (stage.kind === 'lost' && !lossReason) {
      setLosing({ id, stage })
      setReason('')
      return
    }
    Taro.showLoading({ title: t.moveTo + ' ' + label('stage', stage.name) })
    try {
      await moveOpportunity(id, stage.id, lossReason)
      Taro.hideLoading()
      toast(t.moved, 'success')
      setLosing(null)
      await onMoved()
    } catch (e) {
      Taro.hideLoading()
      // A refused move says why (e.g. the stage needs a loss reason, or the record changed meanwhile).
      toast(e instanceof ApiError && e.status !== 0 ? errorText(e) : t.moveFailed)
    }
  }

  const sheet = losing ? (
    <View className='sheet'>
      <View className='sheet__body'>
        <Text className='section-title'>{t.lossReason}</Text>
        <Input className='field' id='loss-reason' value={reason} focus onInput={(e) => setReason(e.detail.value)} />
        <View className='row'>
          <Button className='secondary sheet__button' onClick={() => setLosing(null)}>{t.cancel}</Button>
          <Button className='primary sheet__button' id='loss-confirm'
            onClick={() => (reason.trim() ? move(losing.id, losing.stage, reason.trim()) : toast(t.lossReasonRequired))}>
            {t.confirm}
          </Button>
        </View>
      </View>
    </View>
  ) : null

  return { move, sheet }
}
