import Taro from '@tarojs/taro'
import { logCall } from './api/crm'

// Calls a customer from the phone and reports it as the communication hub does: initiated, then
// connected or failed. The reports are best effort: a call is never held up by the network.
export function callCustomer(customerId: number, phone: string, onConnected?: () => void): void {
  logCall(customerId, phone, 'initiated').catch(() => undefined)
  Taro.makePhoneCall({
    phoneNumber: phone,
    success: () => logCall(customerId, phone, 'connected').then(onConnected).catch(() => undefined),
    fail: () => logCall(customerId, phone, 'failed').catch(() => undefined)
  })
}
