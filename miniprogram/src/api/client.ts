import Taro from '@tarojs/taro'
import { forget, token } from './session'

// Every call goes through request(): it adds the base URL and the bearer token, and turns the API's
// error envelope {error: {code, message, field}} into an ApiError. A 401 means the session is over
// (expired, revoked, signed out elsewhere): the token is dropped and the login page shown.

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly field?: string) {
    super(message)
  }
}

// A save with a stale version: someone else changed the record since the page loaded it.
export const isConflict = (e: unknown) => e instanceof ApiError && e.code === 'conflict.version'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
type Query = Record<string, string | number | boolean | undefined>

export const LOGIN_PAGE = '/pages/login/index'

function withQuery(path: string, query?: Query): string {
  if (!query)
    return path
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}

// `version` sends If-Match with the record's ETag, so a save over someone else's change answers 409/412
// instead of silently overwriting it.
export async function request<T>(method: Method, path: string, body?: unknown, query?: Query, version?: number): Promise<T> {
  const header: Record<string, string> = { 'Content-Type': 'application/json' }
  if (version !== undefined)
    header['If-Match'] = `"v${version}"`
  const bearer = token()
  if (bearer)
    header.Authorization = `Bearer ${bearer}`
  let res: Taro.request.SuccessCallbackResult<any>
  try {
    res = await Taro.request({ url: API_BASE_URL + withQuery(path, query), method, header, data: body as any, dataType: 'json' })
  } catch (e) {
    throw new ApiError(0, 'network', 'network')
  }
  if (res.statusCode >= 200 && res.statusCode < 300)
    return res.data as T
  const error = (res.data && res.data.error) || {}
  if (res.statusCode === 401 && path !== '/api/auth/login') {
    forget()
    Taro.reLaunch({ url: LOGIN_PAGE })
  }
  throw new ApiError(res.statusCode, error.code || 'http', error.message || `HTTP ${res.statusCode}`, error.field)
}
