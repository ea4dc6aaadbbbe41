import Taro, { useDidShow } from '@tarojs/taro'
import { LOGIN_PAGE } from './api/client'
import { token } from './api/session'
import { isChinese, t } from './i18n'

// Every page but the login page: without a session, go to the login page (reLaunch, so Back cannot
// return to a page that would only fail with 401).
export function useSignedIn(onShow?: () => void): void {
  useDidShow(() => {
    nameTabs()
    if (!token()) {
      Taro.reLaunch({ url: LOGIN_PAGE })
      return
    }
    onShow?.()
  })
}

// The tab bar's texts are written in Chinese in app.config.ts; an English phone gets them renamed
// once (it fails quietly on pages that have no tab bar, and is tried again on the next page).
let tabsNamed = isChinese
function nameTabs(): void {
  if (tabsNamed)
    return
  const texts = [t.tabCustomers, t.tabPipeline, t.tabTasks, t.tabAnalytics, t.tabMe]
  Promise.all(texts.map((text, index) => Taro.setTabBarItem({ index, text })))
    .then(() => { tabsNamed = true })
    .catch(() => undefined)
}
