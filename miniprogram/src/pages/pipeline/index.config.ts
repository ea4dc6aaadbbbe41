export default definePageConfig({ navigationBarTitleText: '商机', enablePullDownRefresh: true })
