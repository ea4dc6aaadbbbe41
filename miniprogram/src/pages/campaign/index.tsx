import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Button, ScrollView, Text, Textarea, View } from '@tarojs/components'
import { ApiError } from '../../api/client'
import { addFeedback, campaign as getCampaign, participants as fetchParticipants, recordResponse } from '../../api/crm'
import { can } from '../../api/session'
import type { Campaign, CampaignEffect, CampaignStats, Participant, ParticipantStatus, ScoreSummary } from '../../api/types'
import ScorePicker from '../../components/ScorePicker'
import { errorText } from '../../errorText'
import { dateTime, money, period } from '../../format'
import { label, t } from '../../i18n'
import { useKeysetList } from '../../pagedList'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { UserMessage, useSubmit } from '../../useSubmit'
import './index.css'

const FILTERS = ['all', 'invited', 'responded', 'converted', 'declined']
const ANSWERS: ParticipantStatus[] = ['responded', 'converted', 'declined']

// One campaign: its goal, period and budget, how the rep's customers in it answered and what they
// bought after joining (the counts cover only customers the rep may see), and those customers, a page at a time. Tapping one records
// their answer and, optionally, the satisfaction score they gave (linked to the campaign).
export default function CampaignPage() {
  const id = Number(useRouter().params.id)
  const [c, setCampaign] = useState<Campaign | null>(null)
  const [stats, setStats] = useState<CampaignStats | null>(null)
  const [scores, setScores] = useState<ScoreSummary | null>(null)
  const [effect, setEffect] = useState<CampaignEffect | null>(null)
  const [filter, setFilter] = useState('all')
  const [error, setError] = useState('')
  const [open, setOpen] = useState(0) // the customer whose answer is being recorded
  const [answer, setAnswer] = useState<ParticipantStatus>('responded')
  const [response, setResponse] = useState('')
  const [score, setScore] = useState(0)

  const loadCampaign = async () => {
    try {
      const found = await getCampaign(id)
      setCampaign(found.campaign)
      setStats(found.stats)
      setScores(found.feedback)
      setEffect(found.effect)
      Taro.setNavigationBarTitle({ title: found.campaign.name })
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? t.noCampaign : errorText(e))
    }
  }
  const { items, setItems, next, state: listState, load: loadParticipants, more } = useKeysetList<Participant, string>(async (f, after) => {
    const page = await fetchParticipants(id, { status: f === 'all' ? undefined : f, after })
    return { items: page.participants, hasMore: page.hasMore, next: page.next }
  })
  const load = () => Promise.all([loadCampaign(), loadParticipants(filter)])
  useSignedIn(load)
  usePullDownRefresh(() => load().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => more(filter))

  const choose = (f: string) => {
    setFilter(f)
    setOpen(0)
    loadParticipants(f)
  }
  const startAnswer = (p: Participant) => {
    if (open === p.customerId) {
      setOpen(0)
      return
    }
    setOpen(p.customerId)
    setAnswer(p.status === 'invited' ? 'responded' : p.status)
    setResponse(p.response)
    setScore(0)
  }

  const { busy, error: saveError, submit } = useSubmit(async () => {
    const saved = await recordResponse(id, open, answer, response.trim())
    if (score > 0) {
      try {
        await addFeedback(open, score, response.trim(), id)
      } catch (e) {
        // The answer is kept; only the score failed, and the rep can give it again.
        setItems((old) => old.map((p) => (p.customerId === open ? saved.participant : p)))
        throw new UserMessage(errorText(e))
      }
    }
    setItems((old) => old.map((p) => (p.customerId === open ? saved.participant : p)))
    setOpen(0)
    toast(t.saved, 'success')
    await loadCampaign()
  })

  if (!c)
    return <View className='empty'>{error || t.loading}</View>

  // Recording a customer's answer needs campaign.write or customer.write (a rep answers for their own
  // customers); without either a participant opens the customer's page. The optional score is
  // feedback.write's.
  const mayAnswer = can('campaign.write') || can('customer.write')
  const mayRate = can('feedback.write')
  const counts: [string, number][] = stats ? [
    [t.participants, stats.participants], [label('participant', 'responded'), stats.responded],
    [label('participant', 'converted'), stats.converted], [label('participant', 'declined'), stats.declined]
  ] : []
  return (
    <View className='screen campaign-page'>
      <View className='card'>
        <View className='row'>
          <Text className='campaign__name' id='campaign-name'>{c.name}</Text>
          <Text className='badge'>{label('campaign', c.status)}</Text>
        </View>
        {[
          [t.goal, c.goal],
          [t.period, period(c.startDate, c.endDate)],
          [t.budget, c.budget ? money(c.budget, c.currency) : ''],
          [t.owner, c.ownerName || ''],
          [t.wonAfterJoining, effect ? t.wonDeals.replace('%1', String(effect.wonDeals)).replace('%2', money(effect.wonAmount, effect.currency)) : ''],
          [t.campaignFeedback, scores && scores.count ? t.scoreCount.replace('%1', scores.average.toFixed(2)).replace('%2', String(scores.count)) : '']
        ].filter(([, v]) => v).map(([k, v], i) => (
          <View key={i} className='row campaign__field'><Text className='muted'>{k}</Text><Text selectable>{v}</Text></View>
        ))}
        {c.description ? <Text className='muted answer__label'>{c.description}</Text> : null}
      </View>

      <View className='card campaign__stats' id='campaign-stats'>
        {counts.map(([k, v]) => (
          <View key={k} className='campaign__stat'><Text className='campaign__number'>{v}</Text><Text className='muted'>{k}</Text></View>
        ))}
      </View>

      <Text className='section-title'>{t.myParticipants}</Text>
      <ScrollView scrollX className='chips'>
        {FILTERS.map((f) => (
          <Text key={f} className={`chip ${filter === f ? 'chip--on' : ''}`} onClick={() => choose(f)}>
            {f === 'all' ? t.all : label('participant', f)}
          </Text>
        ))}
      </ScrollView>
      {items.map((p) => (
        <View key={p.customerId} className='card participant'>
          {/* Without the right to answer, a tap opens the customer instead (the answer panel's own link). */}
          <View className='row customer__title'
            onClick={mayAnswer ? () => startAnswer(p) : () => Taro.navigateTo({ url: `/pages/customer-detail/index?id=${p.customerId}` })}>
            <Text className='participant__name'>{p.customerName}</Text>
            <Text className='badge'>{label('participant', p.status)}</Text>
          </View>
          {p.response ? <Text className='muted participant__response'>{p.response}</Text> : null}
          {p.respondedAt ? <Text className='muted participant__response'>{t.answered} {dateTime(p.respondedAt)}</Text> : null}
          {open === p.customerId ? (
            <View className='answer'>
              <View className='chips'>
                {ANSWERS.map((a) => (
                  <Text key={a} id={`answer-${a}`} className={`chip ${answer === a ? 'chip--on' : ''}`} onClick={() => setAnswer(a)}>
                    {label('participant', a)}
                  </Text>
                ))}
              </View>
              <Textarea className='answer__text' id='answer-text' value={response} maxlength={2000} placeholder={t.response}
                onInput={(e) => setResponse(e.detail.value)} />
              {mayRate ? <Text className='muted answer__label'>{t.scoreOptional}</Text> : null}
              {mayRate ? <ScorePicker value={score} onChange={setScore} optional /> : null}
              {saveError ? <Text className='error'>{saveError.message}</Text> : null}
              <Button className='primary' id='answer-save' loading={busy} disabled={busy} onClick={submit}>{t.save}</Button>
              <Text className='link answer__open' onClick={() => Taro.navigateTo({ url: `/pages/customer-detail/index?id=${p.customerId}` })}>
                {t.openCustomer}
              </Text>
            </View>
          ) : null}
        </View>
      ))}
      {listState === 'failed' ? <View className='footer' onClick={() => loadParticipants(filter)}>{t.loadFailed}</View>
        : listState === 'loading' ? <View className='footer'>{t.loading}</View>
        : !items.length ? <View className='empty'>{t.noParticipants}</View>
        : !next ? <View className='footer'>{t.noMore}</View> : null}
    </View>
  )
}
