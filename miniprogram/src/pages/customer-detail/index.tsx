import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { ApiError } from '../../api/client'
import {
  addFeedback, contacts as customerContacts, customer as getCustomer, customerActivities, customerFeedback, customFieldDefs,
  customerOpportunities, customerTasks, logActivity, release, scheduleFollowUp
} from '../../api/crm'
import type { Activity, Contact, Customer, CustomFieldDef, Feedback, Opportunity, ScoreSummary, Task } from '../../api/types'
import ActivityCard from '../../components/ActivityCard'
import { customValueText } from '../../components/CustomFields'
import ScorePicker from '../../components/ScorePicker'
import { label, t } from '../../i18n'
import { errorText } from '../../errorText'
import { dateTime, epochMs, localWhen, money, stars } from '../../format'
import WhenPicker from '../../components/WhenPicker'
import { can } from '../../api/session'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { CUSTOMERS_CHANGED } from '../../pagedList'
import { UserMessage, useSubmit } from '../../useSubmit'
import { callCustomer } from '../../call'
import './index.css'

type Form = '' | 'note' | 'visit' | 'followUp' | 'feedback'

// A customer: profile (edit), contacts (add, edit, call), quick logging (note, visit, call), a
// follow-up with its reminder, a satisfaction score, open opportunities, open tasks and the timeline
// (newest first, paged by the API's `next`). Shown again after an edit elsewhere, it reloads.
export default function CustomerDetail() {
  const id = Number(useRouter().params.id)
  const [c, setCustomer] = useState<Customer | null>(null)
  const [activities, setActivities] = useState<Activity[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [tasks, setTasks] = useState<Task[]>([])
  const [opportunities, setOpportunities] = useState<Opportunity[]>([])
  const [contacts, setContacts] = useState<Contact[]>([])
  const [defs, setDefs] = useState<CustomFieldDef[]>([])
  const [feedback, setFeedback] = useState<Feedback[]>([])
  const [scores, setScores] = useState<ScoreSummary | null>(null)
  const [score, setScore] = useState(0)
  const [form, setForm] = useState<Form>('')
  const [text, setText] = useState('')
  const [when, setWhen] = useState(localWhen(1, 10))
  const [error, setError] = useState('') // loading the page

  const load = async () => {
    try {
      const [answer, timeline, open, deals, people, fieldDefs, satisfaction] = await Promise.all([
        getCustomer(id), customerActivities(id), customerTasks(id), customerOpportunities(id), customerContacts(id), customFieldDefs(),
        // A role without feedback.read still sees the rest of the page.
        customerFeedback(id).catch((e) => {
          if (e instanceof ApiError && e.status === 403)
            return null
          throw e
        })
      ])
      setCustomer(answer.customer)
      Taro.setNavigationBarTitle({ title: answer.customer.name })
      setActivities(timeline.activities)
      setNext(timeline.hasMore ? timeline.next : null)
      setTasks(open.tasks)
      setOpportunities(deals.opportunities)
      setContacts(people.contacts)
      setDefs(fieldDefs.fields)
      setFeedback(satisfaction ? satisfaction.feedback : [])
      setScores(satisfaction ? satisfaction.summary : null)
    } catch (e) {
      // Out of scope answers 404 like a customer that does not exist: the page cannot tell them apart either.
      setError(e instanceof ApiError && e.status === 404 ? t.notFound : errorText(e))
    }
  }
  useSignedIn(load)

  const more = async () => {
    if (!next)
      return
    try {
      const page = await customerActivities(id, next)
      setActivities((old) => [...old, ...page.activities])
      setNext(page.hasMore ? page.next : null)
    } catch (e) {
      toast(errorText(e))
    }
  }

  const open = (f: Form) => {
    setForm(form === f ? '' : f)
    setText('')
    setScore(0)
  }

  const { busy, error: submitError, submit } = useSubmit(async () => {
    if (form === 'followUp') {
      await scheduleFollowUp(id, epochMs(when), text)
      toast(t.scheduled)
    } else if (form === 'feedback') {
      if (!score)
        throw new UserMessage(t.scoreRequired)
      await addFeedback(id, score, text.trim())
      toast(t.feedbackSaved, 'success')
    } else {
      await logActivity(id, form, text)
      toast(t.logged, 'success')
    }
    setForm('')
    setText('')
    await load()
  })

  const call = () => {
    if (c && c.phone)
      callCustomer(id, c.phone, load)
  }

  const giveBack = async () => {
    const { confirm } = await Taro.showModal({ title: t.release, content: t.releaseConfirm, confirmText: t.confirm, cancelText: t.cancel })
    if (!confirm)
      return
    try {
      await release(id)
      toast(t.released, 'success')
      Taro.eventCenter.trigger(CUSTOMERS_CHANGED)
      Taro.navigateBack()
    } catch (e) {
      toast(errorText(e))
    }
  }

  if (!c)
    return <View className='empty'>{error || t.loading}</View>

  // Each action needs its own permission (a custom role may lack some); the buttons follow the role
  // instead of answering 403. Giving a customer back to the pool is a claimer's or an assigner's.
  // Reading scores and giving one are separate permissions (a custom role may only read them).
  const mayRate = can('feedback.write')
  const mayLog = can('activity.write')
  const mayFollowUp = can('task.write')
  const mayEdit = can('customer.write')
  const mayRelease = can('pool.claim') || can('customer.assign')
  const mayAddDeal = can('opportunity.write')
  const address = [c.province, c.city !== c.province ? c.city : '', c.district].filter(Boolean).join(' ')
  return (
    <View className='screen detail'>
      <View className='card'>
        <View className='row'>
          <Text className='detail__name' id='customer-name'>{c.name}</Text>
          <Text className='badge'>{label('status', c.status)}</Text>
        </View>
        {[
          [t.company, c.company !== c.name ? c.company : ''],
          [t.position, c.position],
          [t.phone, c.phone],
          [t.email, c.email],
          [t.industry, c.industry],
          [t.source, c.source],
          [t.address, address],
          [t.owner, c.ownerName],
          ...defs.map((d) => [d.label, customValueText(d, c.customFields?.[d.key])])
        ].filter(([, v]) => v).map(([k, v], i) => (
          <View key={i} className='row detail__field'><Text className='muted'>{k}</Text><Text selectable>{v}</Text></View>
        ))}
        {c.tags.length ? <View className='detail__tags'>{c.tags.map((tag) => <Text key={tag} className='badge'>{tag}</Text>)}</View> : null}
      </View>

      <View className='detail__actions'>
        {c.phone ? <Button size='mini' className='primary' onClick={call}>{t.call}</Button> : null}
        {mayEdit ? <Button size='mini' className='secondary' id='edit-customer'
          onClick={() => Taro.navigateTo({ url: `/pages/customer-form/index?id=${id}` })}>{t.edit}</Button> : null}
        {mayLog ? <Button size='mini' className='secondary' id='log-note' onClick={() => open('note')}>{t.logNote}</Button> : null}
        {mayLog ? <Button size='mini' className='secondary' onClick={() => open('visit')}>{t.logVisit}</Button> : null}
        {mayFollowUp ? <Button size='mini' className='secondary' id='follow-up' onClick={() => open('followUp')}>{t.followUp}</Button> : null}
        {scores && mayRate ? <Button size='mini' className='secondary' id='rate' onClick={() => open('feedback')}>{t.rateCustomer}</Button> : null}
        <Button size='mini' className='secondary' id='message' onClick={() => Taro.navigateTo({ url: `/pages/message/index?customerId=${id}` })}>
          {t.message}
        </Button>
        {mayAddDeal ? <Button size='mini' className='secondary' id='new-opportunity'
          onClick={() => Taro.navigateTo({ url: `/pages/opportunity-form/index?customerId=${id}&customerName=${encodeURIComponent(c.name)}` })}>
          {t.newOpportunity}
        </Button> : null}
        {mayRelease ? <Button size='mini' className='secondary' id='release' onClick={giveBack}>{t.release}</Button> : null}
      </View>

      {form ? (
        <View className='card'>
          {form === 'followUp' ? (
            <WhenPicker value={when} onChange={setWhen} />
          ) : null}
          {form === 'feedback' ? <ScorePicker value={score} onChange={setScore} /> : null}
          <Textarea className='detail__text' id='log-text' value={text} maxlength={2000}
            placeholder={form === 'followUp' ? t.followUpNotes : form === 'feedback' ? t.feedbackComment : t.logContent}
            onInput={(e) => setText(e.detail.value)} />
          <Button className='primary' id='log-save' loading={busy} disabled={busy} onClick={submit}>{t.save}</Button>
        </View>
      ) : null}
      {submitError ? <Text className='error detail__error'>{submitError.message}</Text> : null}

      {opportunities.length ? <Text className='section-title'>{t.openOpportunities}</Text> : null}
      {opportunities.map((o) => (
        <View key={o.id} className='card row opportunity' onClick={() => Taro.navigateTo({ url: `/pages/opportunity/index?id=${o.id}` })}>
          <View>
            <Text className='opportunity__name'>{o.name}</Text>
            <Text className='muted opportunity__stage'>{label('stage', o.stageName)} · {t.probability} {o.probability}%</Text>
          </View>
          <Text className='opportunity__value'>{money(o.value, o.currency)}</Text>
        </View>
      ))}

      <View className='row'>
        <Text className='section-title'>{t.contacts}</Text>
        {mayEdit ? <Text className='link detail__add' id='add-contact'
          onClick={() => Taro.navigateTo({ url: `/pages/contact-form/index?customerId=${id}` })}>+ {t.addContact}</Text> : null}
      </View>
      {contacts.length ? contacts.map((p) => (
        <View key={p.id} className='card row contact' onClick={() => Taro.navigateTo({ url: `/pages/contact-form/index?id=${p.id}&customerId=${id}` })}>
          <View className='contact__main'>
            <View className='row customer__title'>
              <Text className='contact__name'>{p.name}</Text>
              {p.primary ? <Text className='badge'>{t.primaryContact}</Text> : null}
            </View>
            <Text className='muted'>{[p.position, p.relationship, p.phone].filter(Boolean).join(' · ')}</Text>
          </View>
          {p.phone ? (
            <Button size='mini' className='secondary' onClick={(e) => { e.stopPropagation(); callCustomer(id, p.phone, load) }}>{t.call}</Button>
          ) : null}
        </View>
      )) : <View className='footer'>{t.noContacts}</View>}

      {scores ? (
        <>
          <View className='row'>
            <Text className='section-title'>{t.satisfaction}</Text>
            <Text className='muted detail__add' id='score-summary'>
              {scores.count ? t.scoreCount.replace('%1', scores.average.toFixed(2)).replace('%2', String(scores.count)) : ''}
            </Text>
          </View>
          {feedback.length ? feedback.map((f) => (
            <View key={f.id} className='card feedback'>
              <View className='row'>
                <Text className='stars'>{stars(f.score)}</Text>
                <Text className='muted'>{dateTime(f.createdAt)}</Text>
              </View>
              {f.comment ? <Text className='activity__content'>{f.comment}</Text> : null}
              <Text className='muted'>{f.userName}</Text>
            </View>
          )) : <View className='footer'>{t.noFeedback}</View>}
        </>
      ) : null}

      <Text className='section-title'>{t.openTasks}</Text>
      {tasks.length ? tasks.map((task) => (
        <View key={task.id} className='card row task' onClick={() => Taro.navigateTo({ url: `/pages/task-form/index?id=${task.id}` })}>
          <Text>{task.title}</Text>
          <Text className='muted'>{dateTime(task.dueDate)}</Text>
        </View>
      )) : <View className='footer'>{t.noTasks}</View>}

      <Text className='section-title'>{t.timeline}</Text>
      {activities.length ? activities.map((a) => <ActivityCard key={a.id} a={a} />) : <View className='footer'>{t.noActivities}</View>}
      {next ? <View className='footer detail__more' onClick={more}>{t.more}</View> : null}
    </View>
  )
}
