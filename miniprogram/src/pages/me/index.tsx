import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { LOGIN_PAGE } from '../../api/client'
import { logout } from '../../api/crm'
import { currentUser, forget } from '../../api/session'
import { label, t } from '../../i18n'
import { useSignedIn } from '../../signedIn'
import { toast } from '../../toast'
import { usePageTitle } from '../../pageTitle'
import './index.css'

// Who is signed in and with what reach; the campaigns and leads; signing out revokes the token on
// the server, not only here.
export default function Me() {
  usePageTitle(t.tabMe)
  useSignedIn()
  const user = currentUser()

  const signOut = async () => {
    try {
      await logout()
    } catch {
      // Offline: the token is still dropped here; it expires on the server by itself.
    }
    forget()
    toast(t.signedOut)
    Taro.reLaunch({ url: LOGIN_PAGE })
  }

  return (
    <View className='screen me'>
      {user ? (
        <View className='card'>
          <Text className='me__name' id='me-name'>{user.displayName}</Text>
          <Text className='muted me__line'>{user.username}</Text>
          <View className='row me__field'><Text className='muted'>{t.role}</Text><Text>{label('role', user.role)}</Text></View>
          <View className='row me__field'><Text className='muted'>{t.scope}</Text><Text>{label('scope', user.dataScope)}</Text></View>
        </View>
      ) : null}
      <View className='card'>
        <View className='row me__link' id='open-campaigns' onClick={() => Taro.navigateTo({ url: '/pages/campaigns/index' })}>
          <Text>{t.campaigns}</Text><Text className='muted'>›</Text>
        </View>
        <View className='row me__link' id='open-leads-me' onClick={() => Taro.navigateTo({ url: '/pages/leads/index' })}>
          <Text>{t.leads}</Text><Text className='muted'>›</Text>
        </View>
      </View>
      <Button className='secondary me__out' id='sign-out' onClick={signOut}>{t.signOut}</Button>
    </View>
  )
}
