import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { salesMetrics } from '../../api/crm'
import type { SalesMetrics } from '../../api/types'
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
// everything, not from the cards a page happens to hold), and the won value per day/week/month.
export default function Analytics() {
  usePageTitle(t.tabAnalytics)
  const [period, setPeriod] = useState('30d')
  const [m, setMetrics] = useState<SalesMetrics | null>(null)
  const [error, setError] = useState('')

  const load = async (p = period) => {
    try {
      setMetrics((await salesMetrics(p)).metrics)
      setError('')
    } catch (e) {
      setError(errorText(e))
    }
  }
  useSignedIn(() => load())
  usePullDownRefresh(() => load().finally(() => Taro.stopPullDownRefresh()))

  const choose = (p: string) => {
    setPeriod(p)
    load(p)
  }

  const peak = m ? Math.max(1, ...m.series.map((s) => s.value)) : 1
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
        </View>
      )}
    </View>
  )
}
