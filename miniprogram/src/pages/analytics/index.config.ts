export default definePageConfig({ navigationBarTitleText: '分析', enablePullDownRefresh: true })
