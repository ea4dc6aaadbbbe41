export default defineAppConfig({
  pages: [
    'pages/customers/index',
    'pages/login/index',
    'pages/customer-detail/index',
    'pages/customer-form/index',
    'pages/opportunity-form/index',
    'pages/opportunity/index',
    'pages/contact-form/index',
    'pages/leads/index',
    'pages/lead-form/index',
    'pages/campaigns/index',
    'pages/campaign/index',
    'pages/message/index',
    'pages/pool/index',
    'pages/task-form/index',
    'pages/pipeline/index',
    'pages/tasks/index',
    'pages/analytics/index',
    'pages/me/index'
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f6feb',
    navigationBarTitleText: 'CRM',
    navigationBarTextStyle: 'white'
  },
  tabBar: {
    color: '#6b7280',
    selectedColor: '#1f6feb',
    backgroundColor: '#ffffff',
    list: [
      { pagePath: 'pages/customers/index', iconPath: 'assets/tab/customers-off.png', selectedIconPath: 'assets/tab/customers-on.png', text: '客户' },
      { pagePath: 'pages/pipeline/index', iconPath: 'assets/tab/pipeline-off.png', selectedIconPath: 'assets/tab/pipeline-on.png', text: '商机' },
      { pagePath: 'pages/tasks/index', iconPath: 'assets/tab/tasks-off.png', selectedIconPath: 'assets/tab/tasks-on.png', text: '任务' },
      { pagePath: 'pages/analytics/index', iconPath: 'assets/tab/analytics-off.png', selectedIconPath: 'assets/tab/analytics-on.png', text: '分析' },
      { pagePath: 'pages/me/index', iconPath: 'assets/tab/me-off.png', selectedIconPath: 'assets/tab/me-on.png', text: '我的' }
    ]
  }
})
