import Taro, { useDidShow } from '@tarojs/taro'
import { isChinese } from './i18n'

// The navigation bar's title in the rep's language. Page configs carry the Chinese title (WeChat
// shows it before any code runs); an English phone gets it replaced when the page shows.
export function usePageTitle(title: string): void {
  useDidShow(() => {
    if (!isChinese)
      Taro.setNavigationBarTitle({ title })
  })
}
