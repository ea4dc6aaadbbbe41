export default definePageConfig({ navigationBarTitleText: '营销活动', enablePullDownRefresh: true, onReachBottomDistance: 200 })
