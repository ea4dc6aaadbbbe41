import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Opportunity } from '../api/types'
import { t } from '../i18n'
import { daysPast, money } from '../format'

const FOLDED = 5

function lateText(days: number): string {
  return days === 1 ? t.overdueByOne : t.overdueBy.replace('%1', String(days))
}

// The rep's open deals expected to close within the week or already overdue, the earliest first (the
// tasks page's reminder to follow them up); a tap opens the deal. Nothing at all when there are none.
export default function ClosingSoon({ deals, total }: { deals: Opportunity[]; total: number }) {
  const [open, setOpen] = useState(false)
  if (!deals.length)
    return null
  const shown = open ? deals : deals.slice(0, FOLDED)
  return (
    <View id='closing-soon'>
      <Text className='section-title'>{t.closingSoon}</Text>
      {shown.map((o) => {
        const late = o.expectedCloseDate ? daysPast(o.expectedCloseDate) : 0
        return (
          <View key={o.id} className='card row closing' onClick={() => Taro.navigateTo({ url: `/pages/opportunity/index?id=${o.id}` })}>
            <View className='closing__main'>
              <Text className='closing__name'>{o.name}</Text>
              <Text className='muted closing__line'>{o.customerName}</Text>
              <Text className='muted closing__line'>
                {t.expectedClose} {o.expectedCloseDate}
                {late > 0 ? <Text className='closing__late'> · {lateText(late)}</Text>
                  : late === 0 ? <Text className='closing__today'> · {t.closesToday}</Text> : null}
              </Text>
            </View>
            <Text className='closing__value'>{money(o.value, o.currency)}</Text>
          </View>
        )
      })}
      {!open && deals.length > FOLDED ? <View className='footer link' id='closing-more' onClick={() => setOpen(true)}>{t.more}</View> : null}
      {open && total > deals.length
        ? <View className='footer'>{t.closingTotal.replace('%1', String(total)).replace('%2', String(deals.length))}</View> : null}
    </View>
  )
}
