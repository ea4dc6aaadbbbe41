export default definePageConfig({ navigationBarTitleText: '新建商机' })
