import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { leads as fetchLeads } from '../../api/crm'
import { can } from '../../api/session'
import type { Lead } from '../../api/types'
import { shortDate } from '../../format'
import { label, t } from '../../i18n'
import { useSignedIn } from '../../signedIn'
import { usePageTitle } from '../../pageTitle'
import { useKeysetList } from '../../pagedList'

// The rep's leads, newest first: the open ones (new, contacted, qualified) unless a status is
// chosen. Paged by the API's keyset `next`; shown again after a lead was added, edited or
// converted, the list reloads.
const FILTERS = ['open', 'new', 'contacted', 'qualified', 'disqualified', 'converted']
const statusParam = (f: string) => (f === 'open' ? 'new,contacted,qualified' : f)

export default function Leads() {
  usePageTitle(t.leads)
  const [filter, setFilter] = useState('open')
  const { items, next, state, load, more } = useKeysetList<Lead, string>(async (f, after) => {
    const page = await fetchLeads({ status: statusParam(f), after })
    return { items: page.leads, hasMore: page.hasMore, next: page.next }
  })
  useSignedIn(() => load(filter))
  usePullDownRefresh(() => load(filter).finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => more(filter))
  const choose = (f: string) => {
    setFilter(f)
    load(f)
  }

  // Adding and editing a lead need lead.write: without it there is no new button, and a lead still
  // opens its form, read only there.
  const mayWrite = can('lead.write')
  return (
    <View className='screen leads'>
      <ScrollView scrollX className='chips'>
        {FILTERS.map((f) => (
          <Text key={f} className={`chip ${filter === f ? 'chip--on' : ''}`} onClick={() => choose(f)}>
            {f === 'open' ? t.openLeads : label('lead', f)}
          </Text>
        ))}
      </ScrollView>
      {items.map((l) => (
        <View key={l.id} className='card lead' onClick={() => Taro.navigateTo({ url: `/pages/lead-form/index?id=${l.id}` })}>
          <View className='row customer__title'>
            <Text className='customer__name'>{l.name}</Text>
            <Text className='badge'>{label('lead', l.status)}</Text>
          </View>
          <Text className='muted customer__line'>{[l.company, l.phone || l.email, l.source].filter(Boolean).join(' · ')}</Text>
          <Text className='muted customer__line'>{shortDate(l.createdAt)}</Text>
        </View>
      ))}
      {state === 'failed' ? <View className='footer' onClick={() => load(filter)}>{t.loadFailed}</View>
        : state === 'loading' ? <View className='footer'>{t.loading}</View>
        : !items.length ? <View className='empty'>{t.noLeads}</View>
        : !next ? <View className='footer'>{t.noMore}</View> : null}
      {mayWrite ? <View className='fab' id='new-lead' onClick={() => Taro.navigateTo({ url: '/pages/lead-form/index' })}>+</View> : null}
    </View>
  )
}
