import Taro from '@tarojs/taro'
import type { User } from './types'

// The bearer token and the signed-in user, kept in the client's storage (the WeChat storage or the
// browser's localStorage). Identity on the server comes from the token only.
const TOKEN_KEY = 'crm.token'
const USER_KEY = 'crm.user'

export function token(): string {
  return Taro.getStorageSync(TOKEN_KEY) || ''
}

export function currentUser(): User | null {
  return Taro.getStorageSync(USER_KEY) || null
}

// Whether the signed-in user's role has this permission ("activity.write", ...): pages offer only the
// actions the API would allow.
export function can(permission: string): boolean {
  return !!currentUser()?.permissions.includes(permission)
}

export function remember(newToken: string, user: User): void {
  Taro.setStorageSync(TOKEN_KEY, newToken)
  Taro.setStorageSync(USER_KEY, user)
}

export function forget(): void {
  Taro.removeStorageSync(TOKEN_KEY)
  Taro.removeStorageSync(USER_KEY)
}
