import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { campaigns as fetchCampaigns } from '../../api/crm'
import type { Campaign } from '../../api/types'
import { period } from '../../format'
import { label, t } from '../../i18n'
import { useSignedIn } from '../../signedIn'
import { usePageTitle } from '../../pageTitle'
import { useKeysetList } from '../../pagedList'

// The company's campaigns, newest first: the running ones unless another status is chosen. Managers
// plan them on the desktop; reps open one to answer for their own customers in it.
const FILTERS = ['active', 'planned', 'finished', 'all']

export default function Campaigns() {
  usePageTitle(t.campaigns)
  const [filter, setFilter] = useState('active')
  const { items, next, state, load, more } = useKeysetList<Campaign, string>(async (f, after) => {
    const page = await fetchCampaigns({ status: f, after })
    return { items: page.campaigns, hasMore: page.hasMore, next: page.next }
  })
  useSignedIn(() => load(filter))
  usePullDownRefresh(() => load(filter).finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => more(filter))
  const choose = (f: string) => {
    setFilter(f)
    load(f)
  }

  return (
    <View className='screen campaigns'>
      <ScrollView scrollX className='chips'>
        {FILTERS.map((f) => (
          <Text key={f} className={`chip ${filter === f ? 'chip--on' : ''}`} onClick={() => choose(f)}>
            {f === 'all' ? t.all : label('campaign', f)}
          </Text>
        ))}
      </ScrollView>
      {items.map((c) => (
        <View key={c.id} className='card campaign' onClick={() => Taro.navigateTo({ url: `/pages/campaign/index?id=${c.id}` })}>
          <View className='row customer__title'>
            <Text className='customer__name'>{c.name}</Text>
            <Text className='badge'>{label('campaign', c.status)}</Text>
          </View>
          {c.goal ? <Text className='muted customer__line'>{c.goal}</Text> : null}
          <Text className='muted customer__line'>{period(c.startDate, c.endDate)}</Text>
        </View>
      ))}
      {state === 'failed' ? <View className='footer' onClick={() => load(filter)}>{t.loadFailed}</View>
        : state === 'loading' ? <View className='footer'>{t.loading}</View>
        : !items.length ? <View className='empty'>{t.noCampaigns}</View>
        : !next ? <View className='footer'>{t.noMore}</View> : null}
    </View>
  )
}
