import Taro from '@tarojs/taro'

// A short message over the page: what just happened, or why it did not.
export function toast(title: string, icon: 'success' | 'none' | 'error' = 'none'): void {
  Taro.showToast({ title, icon, duration: 2000 })
}
