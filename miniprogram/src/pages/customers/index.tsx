import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Picker, ScrollView, Text, View } from '@tarojs/components'
import { customers as listCustomers } from '../../api/crm'
import { can } from '../../api/session'
import { callCustomer } from '../../call'
import type { Customer } from '../../api/types'
import { label, t } from '../../i18n'
import { shortDate } from '../../format'
import { useSignedIn } from '../../signedIn'
import { CUSTOMERS_CHANGED, useCustomerPages } from '../../pagedList'
import { usePageTitle } from '../../pageTitle'
import './index.css'

const STATUSES = ['all', 'prospect', 'new', 'active', 'loyal', 'at_risk', 'lost']
const SORTS = [
  { key: 'lastContact', text: t.sortLastContact },
  { key: 'newest', text: t.sortCreated },
  { key: 'name', text: t.sortName }
]

// The customer list of seed 000's customers page: 20 per page, more on reaching the bottom, a search
// (sent 300 ms after the last keystroke, or at once on confirm), a status filter and a sort.
export default function Customers() {
  usePageTitle(t.tabCustomers)
  const [keyword, setKeyword] = useState('')
  const [status, setStatus] = useState('all')
  const [sort, setSort] = useState(0)
  const debounce = useRef<ReturnType<typeof setTimeout>>()
  const { items, hasMore, loading, failed, load, retry } = useCustomerPages(
    (page, q: { keyword: string; status: string; sort: number }) =>
      listCustomers({ page, keyword: q.keyword.trim(), status: q.status, sortBy: SORTS[q.sort].key }),
    () => ({ keyword, status, sort }))
  // Loaded when first shown, not on every return from a customer's page: the rep keeps the place
  // they scrolled to (pulling down reloads). A customer added or given back meanwhile reloads it.
  const stale = useRef(true)
  useEffect(() => {
    const mark = () => { stale.current = true }
    Taro.eventCenter.on(CUSTOMERS_CHANGED, mark)
    return () => { Taro.eventCenter.off(CUSTOMERS_CHANGED, mark) }
  }, [])
  useSignedIn(() => {
    if (stale.current)
      load(1)
    stale.current = false
  })

  const onSearch = (value: string) => {
    setKeyword(value)
    clearTimeout(debounce.current)
    debounce.current = setTimeout(() => load(1, { keyword: value, status, sort }), 300)
  }
  const onStatus = (value: string) => {
    setStatus(value)
    load(1, { keyword, status: value, sort })
  }
  const onSort = (index: number) => {
    setSort(index)
    load(1, { keyword, status, sort: index })
  }

  const call = (e: { stopPropagation: () => void }, c: Customer) => {
    e.stopPropagation()
    callCustomer(c.id, c.phone)
  }

  return (
    <View className='screen customers'>
      <View className='customers__bar'>
        <Input className='customers__search' id='search' placeholder={t.search} value={keyword} confirmType='search'
          onInput={(e) => onSearch(e.detail.value)} onConfirm={() => load(1)} />
        <Picker mode='selector' range={SORTS.map((s) => s.text)} value={sort} onChange={(e) => onSort(Number(e.detail.value))}>
          <Text className='customers__sort'>{SORTS[sort].text} ▾</Text>
        </Picker>
        <Text className='customers__sort' id='open-pool' onClick={() => Taro.navigateTo({ url: '/pages/pool/index' })}>{t.pool}</Text>
        <Text className='customers__sort' id='open-leads' onClick={() => Taro.navigateTo({ url: '/pages/leads/index' })}>{t.leads}</Text>
      </View>
      <ScrollView scrollX className='chips'>
        {STATUSES.map((s) => (
          <Text key={s} className={`chip ${status === s ? 'chip--on' : ''}`} onClick={() => onStatus(s)}>
            {s === 'all' ? t.all : label('status', s)}
          </Text>
        ))}
      </ScrollView>
      {items.map((c) => (
        <View key={c.id} className='card customer' onClick={() => Taro.navigateTo({ url: `/pages/customer-detail/index?id=${c.id}` })}>
          <View className='row'>
            <View className='customer__main'>
              <View className='row customer__title'>
                <Text className='customer__name'>{c.name}</Text>
                {c.status ? <Text className='badge'>{label('status', c.status)}</Text> : null}
              </View>
              <Text className='muted customer__line'>{[c.company !== c.name ? c.company : '', c.city || c.province].filter(Boolean).join(' · ')}</Text>
              <Text className='muted customer__line'>
                {t.lastContact}: {c.lastContactAt ? shortDate(c.lastContactAt) : t.never}
                {c.ownerName ? ` · ${c.ownerName}` : ''}
              </Text>
            </View>
            {c.phone ? <Button className='customer__call' size='mini' onClick={(e) => call(e, c)}>{t.call}</Button> : null}
          </View>
        </View>
      ))}
      {failed ? <View className='footer' onClick={retry}>{t.loadFailed}</View>
        : loading ? <View className='footer'>{t.loading}</View>
        : !items.length ? <View className='empty'>{t.noCustomers}</View>
        : !hasMore ? <View className='footer'>{t.noMore}</View> : null}
      {/* Creating a customer needs customer.write: without it the form could not be saved. */}
      {can('customer.write')
        ? <View className='fab' id='new-customer' onClick={() => Taro.navigateTo({ url: '/pages/customer-form/index' })}>+</View> : null}
    </View>
  )
}
