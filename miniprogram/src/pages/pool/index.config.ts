export default definePageConfig({ navigationBarTitleText: '公海', enablePullDownRefresh: true, onReachBottomDistance: 200 })
