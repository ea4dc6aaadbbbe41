import { useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { CustomerPage } from './api/types'

// Announced (Taro.eventCenter) when a page adds a customer or gives one back to the pool, so the
// customer list, which keeps its place otherwise, reloads when shown again.
export const CUSTOMERS_CHANGED = 'crm:customers-changed'

// A list the API answers a page at a time (the customers, the public pool): page 1 replaces the
// items, later pages append, reaching the bottom asks for the next one, pulling down reloads.
// `load(1, query)` starts a new query; answers to an older one (a slow search overtaken by a
// keystroke) are dropped.
export function useCustomerPages<Q>(fetchPage: (page: number, query: Q) => Promise<CustomerPage>, current: () => Q) {
  const [items, setItems] = useState<CustomerPage['customers']>([])
  const [page, setPage] = useState(1)
  const [hasMore, setHasMore] = useState(true)
  const [loading, setLoading] = useState(false)
  const [failed, setFailed] = useState(false)
  const generation = useRef(0)

  const load = async (next: number, query: Q = current()) => {
    const mine = next === 1 ? ++generation.current : generation.current
    setLoading(true)
    setFailed(false)
    try {
      const answer = await fetchPage(next, query)
      if (mine !== generation.current)
        return
      setItems((old) => (next === 1 ? answer.customers : [...old, ...answer.customers]))
      setHasMore(answer.hasMore)
      setPage(next)
    } catch {
      if (mine === generation.current)
        setFailed(true)
    } finally {
      if (mine === generation.current)
        setLoading(false)
    }
  }

  usePullDownRefresh(() => load(1).finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => {
    if (hasMore && !loading && !failed)
      load(page + 1)
  })
  // After a failure, a tap on the footer tries again where it stopped.
  const retry = () => load(items.length ? page + 1 : 1)
  return { items, setItems, hasMore, loading, failed, load, retry }
}

// A list the API answers by keyset (leads, campaigns, a campaign's participants): `load(query)` reads
// the first page, `load(query, next)` appends the following one (the answer's `next` is its `after`).
// Answers to an older query are dropped; `state` drives the footer (loading, failed, or '' when idle).
// The pages hook pulling down and reaching the bottom to `load` themselves (what a pull reloads differs).
export function useKeysetList<T, Q>(fetchPage: (query: Q, after?: string) => Promise<{ items: T[]; hasMore: boolean; next: string | null }>) {
  const [items, setItems] = useState<T[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [state, setState] = useState<'loading' | 'failed' | ''>('loading')
  const generation = useRef(0)

  const load = async (query: Q, after?: string) => {
    const mine = after ? generation.current : ++generation.current
    setState('loading')
    try {
      const page = await fetchPage(query, after)
      if (mine !== generation.current)
        return
      setItems((old) => (after ? [...old, ...page.items] : page.items))
      setNext(page.hasMore ? page.next : null)
      setState('')
    } catch {
      if (mine === generation.current)
        setState('failed')
    }
  }
  // The next page of `query`, unless one is being read or there is none.
  const more = (query: Q) => {
    if (next && state === '')
      load(query, next)
  }
  return { items, setItems, next, state, load, more }
}
