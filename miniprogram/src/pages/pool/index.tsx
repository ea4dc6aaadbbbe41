import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { ApiError } from '../../api/client'
import { claim, pool } from '../../api/crm'
import { can } from '../../api/session'
import type { Customer } from '../../api/types'
import { label, t } from '../../i18n'
import { errorText } from '../../errorText'
import { shortDate } from '../../format'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { CUSTOMERS_CHANGED, useCustomerPages } from '../../pagedList'
import { usePageTitle } from '../../pageTitle'
import './index.css'

// The public pool: customers nobody owns, for any rep to claim. The server makes a claim atomic (of
// two reps claiming at once exactly one wins, the other gets 409) and applies the claim limits.
export default function Pool() {
  usePageTitle(t.pool)
  const [keyword, setKeyword] = useState('')
  const debounce = useRef<ReturnType<typeof setTimeout>>()
  const { items, setItems, hasMore, loading, failed, load, retry } = useCustomerPages(
    (page, q: string) => pool({ page, keyword: q.trim() }), () => keyword)
  useSignedIn(() => load(1))

  const onSearch = (value: string) => {
    setKeyword(value)
    clearTimeout(debounce.current)
    debounce.current = setTimeout(() => load(1, value), 300)
  }

  const take = async (c: Customer) => {
    try {
      await claim(c.id)
      setItems((old) => old.filter((x) => x.id !== c.id))
      toast(t.claimed, 'success')
      Taro.eventCenter.trigger(CUSTOMERS_CHANGED)
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setItems((old) => old.filter((x) => x.id !== c.id))
        toast(t.claimLost)
      } else {
        toast(errorText(e))
      }
    }
  }

  // A role may read the pool without claiming from it (customer.read alone): then there is no claim.
  const mayClaim = can('pool.claim')
  return (
    <View className='screen pool'>
      <View className='customers__bar'>
        <Input className='customers__search' id='pool-search' placeholder={t.search} value={keyword} confirmType='search'
          onInput={(e) => onSearch(e.detail.value)} onConfirm={() => load(1)} />
      </View>
      {items.map((c) => (
        <View key={c.id} className='card row pool__item'>
          <View className='customer__main'>
            <View className='row customer__title'>
              <Text className='customer__name'>{c.name}</Text>
              {c.status ? <Text className='badge'>{label('status', c.status)}</Text> : null}
            </View>
            <Text className='muted customer__line'>{[c.industry, c.city || c.province].filter(Boolean).join(' · ')}</Text>
            <Text className='muted customer__line'>{t.lastContact}: {c.lastContactAt ? shortDate(c.lastContactAt) : t.never}</Text>
          </View>
          {mayClaim ? <Text className='pool__claim' onClick={() => take(c)}>{t.claim}</Text> : null}
        </View>
      ))}
      {failed ? <View className='footer' onClick={retry}>{t.loadFailed}</View>
        : loading ? <View className='footer'>{t.loading}</View>
        : !items.length ? <View className='empty'>{t.poolEmpty}</View>
        : !hasMore ? <View className='footer'>{t.noMore}</View> : null}
    </View>
  )
}
