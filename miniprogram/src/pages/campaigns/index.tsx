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

// The company's campaigns, newest first: the running ones with the rep's own customers in them unless
// another status or all campaigns are chosen. Managers plan them on the desktop; reps open one to
// answer for their own customers in it.
const FILTERS = ['active', 'planned', 'finished', 'all']

interface Filter {
  status: string
  mine: boolean
}

export default function Campaigns() {
  usePageTitle(t.campaigns)
  const [filter, setFilter] = useState<Filter>({ status: 'active', mine: true })
  const { items, next, state, load, more } = useKeysetList<Campaign, Filter>(async (f, after) => {
    const page = await fetchCampaigns({ status: f.status, mine: f.mine, after })
    return { items: page.campaigns, hasMore: page.hasMore, next: page.next }
  })
  useSignedIn(() => load(filter))
  usePullDownRefresh(() => load(filter).finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => more(filter))
  const choose = (f: Filter) => {
    setFilter(f)
    load(f)
  }

  return (
    <View className='screen campaigns'>
      <ScrollView scrollX className='chips'>
        {[true, false].map((mine) => (
          <Text key={String(mine)} id={mine ? 'campaigns-mine' : 'campaigns-all'}
            className={`chip ${filter.mine === mine ? 'chip--on' : ''}`} onClick={() => choose({ ...filter, mine })}>
            {mine ? t.campaignsMine : t.campaignsAll}
          </Text>
        ))}
      </ScrollView>
      <ScrollView scrollX className='chips'>
        {FILTERS.map((f) => (
          <Text key={f} className={`chip ${filter.status === f ? 'chip--on' : ''}`} onClick={() => choose({ ...filter, status: f })}>
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
        : !items.length ? <View className='empty'>{filter.mine ? t.noCampaignsMine : t.noCampaigns}</View>
        : !next ? <View className='footer'>{t.noMore}</View> : null}
    </View>
  )
}
