import { ApiError } from './api/client'
import { isChinese, t } from './i18n'

// What went wrong, in the rep's language. The API's messages are English sentences for developers;
// its codes are stable (core's error codes), so they are worded here the way the desktop words them
// (core/ErrorText.cpp). A code not known here falls back to the server's sentence.
const fieldNames: Record<string, [string, string]> = {
  name: ['名称', 'Name'], title: ['标题', 'Title'], phone: ['手机', 'Mobile'], email: ['邮箱', 'Email'],
  company: ['公司', 'Company'], source: ['来源', 'Source'], notes: ['备注', 'Notes'], value: ['金额', 'Amount'],
  amount: ['金额', 'Amount'], expectedCloseDate: ['预计成交日期', 'Expected close'], lossReason: ['输单原因', 'Loss reason'],
  dueDate: ['截止时间', 'Due time'], reminderTime: ['提醒时间', 'Reminder'], content: ['内容', 'Content'],
  message: ['消息', 'Message'], newPassword: ['新密码', 'New password'], currentPassword: ['当前密码', 'Current password']
}

function fieldName(field?: string): string {
  if ((field || '').startsWith('customFields.')) // the company's own field: the message is shown under it
    return isChinese ? '此项' : 'This field'
  const key = (field || '').replace(/\[\d+\].*$/, '').replace(/s$/, '') // phones[0].number -> phone
  const names = fieldNames[field || ''] || fieldNames[key]
  return names ? names[isChinese ? 0 : 1] : field || (isChinese ? '内容' : 'A value')
}

export function errorText(e: unknown): string {
  if (!(e instanceof ApiError) || e.status === 0)
    return t.network
  const f = fieldName(e.field)
  const zh: Record<string, string> = {
    forbidden: '没有权限执行此操作', not_found: '记录不存在或无权查看', 'conflict.version': '已被他人修改，请刷新后重试',
    'conflict.duplicate': '与已有记录重复', rate_limited: '操作过于频繁，请稍后再试',
    'validation.required': `请填写${f}`, 'validation.format': `${f}格式不正确`, 'validation.too_long': `${f}太长`,
    'validation.range': `${f}超出范围`, 'validation.reference': `${f}不存在`, 'validation.weak': `${f}太简单`
  }
  const en: Record<string, string> = {
    forbidden: 'You do not have permission to do this', not_found: 'No such record, or not yours to see',
    'conflict.version': 'Someone changed this meanwhile; reload and try again', 'conflict.duplicate': 'This duplicates an existing record',
    rate_limited: 'Too many requests; try again shortly',
    'validation.required': `${f} is required`, 'validation.format': `${f}: the format is not valid`, 'validation.too_long': `${f} is too long`,
    'validation.range': `${f} is out of range`, 'validation.reference': `${f} does not exist`, 'validation.weak': `${f} is too weak`
  }
  const words = isChinese ? zh : en
  return words[e.code] || (e.code.startsWith('validation.') ? (isChinese ? `${f}不正确` : `${f} is not valid`) : e.message)
}
