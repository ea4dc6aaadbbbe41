import { useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { customerMetrics, salesMetrics } from '../../api/crm'
import { currentUser } from '../../api/session'
import type { CustomerMetrics, SalesMetrics } from '../../api/types'
import CountBars from '../../components/CountBars'
import EngagementBars from '../../components/EngagementBars'
import { t } from '../../i18n'
import { errorText } from '../../errorText'
import { money } from '../../format'
import { useSignedIn } from '../../signedIn'
import { usePageTitle } from '../../pageTitle'
import './index.css'

const PERIODS = [
  { key: '7d', text: t.period7 },
  { key: '30d', text: t.period30 },
  { key: '90d', text: t.period90 },
  { key: '365d', text: t.period365 }
]

// The analytics dashboard: the server's figures for the rep's scope and period (computed in SQL over
// everything, not from the cards a page happens to hold), and the won value per day/week/month; then
// the customers now: by province and industry, and how long ago they were last contacted (a manager
// sees that per rep too).
export default function Analytics() {
  usePageTitle(t.tabAnalytics)
  const [period, setPeriod] = useState('30d')
  const [m, setMetrics] = useState<SalesMetrics | null>(null)
  const [c, setCustomers] = useState<CustomerMetrics | null>(null)
  const [error, setError] = useState('')

  // The customers' figures are "now", whatever the period: a period chip reloads only the sales.
  // Sales figures for a period no longer chosen (a chip tapped while they were on their way) are
  // dropped, so the tiles always match the highlighted chip.
  const salesAsked = useRef(0)
  const load = async (p = period, withCustomers = true) => {
    const mine = ++salesAsked.current
    try {
      const [sales, customers] = await Promise.all([salesMetrics(p), withCustomers ? customerMetrics(p) : null])
      if (customers)
        setCustomers(customers.metrics)
      if (mine !== salesAsked.current)
        return
      setMetrics(sales.metrics)
      setError('')
    } catch (e) {
      if (mine === salesAsked.current)
        setError(errorText(e))
    }
  }
  useSignedIn(() => load())
  usePullDownRefresh(() => load().finally(() => Taro.stopPullDownRefresh()))

  const choose = (p: string) => {
    setPeriod(p)
    load(p, false)
  }

  const peak = m ? Math.max(1, ...m.series.map((s) => s.value)) : 1
  const me = currentUser()
  const perOwner = !!c && c.engagement.byOwner.some((o) => !me || o.userId !== me.id)
  const tiles = m ? [
    [t.revenue, money(m.revenue, m.currency)],
    [t.dealsWon, String(m.dealsWon)],
    [t.winRate, `${m.winRate}%`],
    [t.averageDeal, money(m.averageDealSize, m.currency)],
    [t.cycle, String(m.salesCycleDays)],
    [t.openDeals, String(m.openDeals)],
    [t.pipelineValue, money(m.pipelineValue, m.currency)],
    [t.weighted, money(m.weightedPipelineValue, m.currency)],
    [t.newCustomers, String(m.newCustomers)],
    [t.activities, String(m.activities)]
  ] : []
  return (
    <View className='screen analytics'>
      <View className='chips'>
        {PERIODS.map((p) => (
          <Text key={p.key} className={`chip ${period === p.key ? 'chip--on' : ''}`} onClick={() => choose(p.key)}>{p.text}</Text>
        ))}
      </View>
      {error ? <Text className='error analytics__error'>{error}</Text> : null}
      {!m ? <View className='footer'>{t.loading}</View> : (
        <View>
          <View className='tiles'>
            {tiles.map(([k, v]) => (
              <View key={k} className='tile'>
                <Text className='muted'>{k}</Text>
                <Text className='tile__value'>{v}</Text>
              </View>
            ))}
          </View>
          <Text className='section-title'>{t.salesTrend}</Text>
          <View className='card bars'>
            {m.series.map((s) => (
              <View key={s.date} className='bar' style={{ height: `${Math.round((s.value / peak) * 100)}%` }} />
            ))}
          </View>
          <View className='row analytics__axis muted'>
            <Text>{m.series.length ? m.series[0].date : ''}</Text>
            <Text>{m.series.length ? m.series[m.series.length - 1].date : ''}</Text>
          </View>
          {c ? (
            <View id='customer-mix'>
              <View className='row analytics__heading'>
                <Text className='section-title'>{t.customerMix}</Text>
                <Text className='muted analytics__total' id='customer-total'>{t.customerCount.replace('%1', String(c.distribution.total))}</Text>
              </View>
              {!c.distribution.total ? <View className='card empty'>{t.noCustomers}</View> : null}
              {c.distribution.provinces.length ? (
                <View className='card'>
                  <Text className='muted analytics__subtitle'>{t.byProvince}</Text>
                  <CountBars id='mix-provinces' rows={c.distribution.provinces} other={c.distribution.otherProvinces} />
                </View>
              ) : null}
              {c.distribution.industries.length ? (
                <View className='card'>
                  <Text className='muted analytics__subtitle'>{t.byIndustry}</Text>
                  <CountBars id='mix-industries' rows={c.distribution.industries} other={c.distribution.otherIndustries} />
                </View>
              ) : null}
              {c.engagement.total ? (
                <View>
                  <Text className='section-title'>{t.engagement}</Text>
                  <View className='card'>
                    <EngagementBars engagement={c.engagement} perOwner={perOwner} />
                  </View>
                </View>
              ) : null}
            </View>
          ) : null}
        </View>
      )}
    </View>
  )
}
