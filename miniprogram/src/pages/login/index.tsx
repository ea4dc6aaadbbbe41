import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { ApiError } from '../../api/client'
import { changePassword, login } from '../../api/crm'
import { remember } from '../../api/session'
import { t } from '../../i18n'
import { errorText } from '../../errorText'
import { usePageTitle } from '../../pageTitle'
import './index.css'

function messageFor(e: unknown): string {
  if (!(e instanceof ApiError) || e.status === 0)
    return t.network
  if (e.status === 429 || e.code === 'auth.locked')
    return t.locked
  if (e.code === 'auth.inactive')
    return t.inactive
  if (e.status === 401 || e.code.startsWith('auth.'))
    return t.wrongPassword
  return errorText(e)
}

export default function Login() {
  usePageTitle(t.signIn)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const [mustChange, setMustChange] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const enter = () => Taro.switchTab({ url: '/pages/customers/index' })

  const signIn = async () => {
    if (!username || !password || busy)
      return
    setBusy(true)
    setError('')
    try {
      const answer = await login(username.trim(), password)
      remember(answer.token, answer.user)
      if (answer.user.mustChangePassword)
        setMustChange(true)
      else
        enter()
    } catch (e) {
      setError(messageFor(e))
    } finally {
      setBusy(false)
    }
  }

  const saveNewPassword = async () => {
    if (!newPassword || busy)
      return
    setBusy(true)
    setError('')
    try {
      await changePassword(password, newPassword)
      enter()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='screen login'>
      <Text className='login__title'>{t.appName}</Text>
      {!mustChange ? (
        <View className='login__form'>
          <Input className='field' id='username' placeholder={t.username} value={username}
            onInput={(e) => setUsername(e.detail.value)} />
          <Input className='field' id='password' password placeholder={t.password} value={password}
            onInput={(e) => setPassword(e.detail.value)} onConfirm={signIn} />
          <Button className='primary' id='sign-in' loading={busy} disabled={busy} onClick={signIn}>
            {busy ? t.signingIn : t.signIn}
          </Button>
        </View>
      ) : (
        <View className='login__form'>
          <Text className='hint'>{t.mustChange}</Text>
          <Input className='field' password placeholder={t.newPassword} value={newPassword}
            onInput={(e) => setNewPassword(e.detail.value)} />
          <Button className='primary' loading={busy} disabled={busy} onClick={saveNewPassword}>{t.save}</Button>
        </View>
      )}
      {error ? <Text className='error' id='login-error'>{error}</Text> : null}
    </View>
  )
}
