import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { customerMessages, sendMessage } from '../../api/crm'
import { can } from '../../api/session'
import type { Activity } from '../../api/types'
import { t } from '../../i18n'
import { errorText } from '../../errorText'
import { dateTime } from '../../format'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { usePageTitle } from '../../pageTitle'
import './index.css'

// The communication hub's messages with one customer: what was sent and received (logged as
// activities of kind message), oldest at the top like a chat, and a box to log a new one.
export default function Message() {
  usePageTitle(t.message)
  const customerId = Number(useRouter().params.customerId)
  const [messages, setMessages] = useState<Activity[] | null>(null)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)

  const load = async () => {
    try {
      setMessages((await customerMessages(customerId)).messages.slice().reverse())
    } catch (e) {
      toast(errorText(e))
    }
  }
  useSignedIn(load)

  const send = async () => {
    const message = text.trim()
    if (!message || busy)
      return
    setBusy(true)
    try {
      const answer = await sendMessage(customerId, message)
      setMessages((old) => [...(old || []), answer.message])
      setText('')
    } catch (e) {
      toast(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='screen message'>
      {messages === null ? <View className='footer'>{t.loading}</View>
        : !messages.length ? <View className='empty'>{t.noMessages}</View>
        : messages.map((m) => (
          <View key={m.id} className={`message__bubble ${m.direction === 'inbound' ? 'message__bubble--in' : 'message__bubble--out'}`}>
            <Text className='message__text'>{m.content}</Text>
            <Text className='muted message__time'>{m.userName} · {dateTime(m.occurredAt)}</Text>
          </View>
        ))}
      {/* Logging a message needs activity.write; a role without it still reads them. */}
      {can('activity.write') ? (
        <View className='message__bar'>
          <Input className='message__input' id='message-text' value={text} placeholder={t.messagePlaceholder} confirmType='send'
            onInput={(e) => setText(e.detail.value)} onConfirm={send} />
          <Button className='primary message__send' id='message-send' size='mini' disabled={busy} onClick={send}>{t.send}</Button>
        </View>
      ) : null}
    </View>
  )
}
