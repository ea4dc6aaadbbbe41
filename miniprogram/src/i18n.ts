import Taro from '@tarojs/taro'

// The reps' language: Chinese unless the phone is set to another language, then English.
// The same words as the desktop (translations/crm_zh_CN.ts) for the same things.
const zh = {
  appName: '客户管理',
  signIn: '登录', signingIn: '正在登录…', username: '用户名', password: '密码',
  wrongPassword: '用户名或密码错误', locked: '登录失败次数过多，请稍后再试', inactive: '该账号已停用，请联系管理员', network: '无法连接服务器，请检查网络',
  mustChange: '首次登录请设置新密码', currentPassword: '当前密码', newPassword: '新密码（至少 10 位）', save: '保存',
  search: '搜索姓名、公司、电话', all: '全部', sortLastContact: '最近联系', sortCreated: '最新创建', sortName: '名称',
  noCustomers: '没有客户', loading: '加载中…', noMore: '没有更多了', notFound: '客户不存在或无权查看', loadFailed: '加载失败，点击重试',
  lastContact: '最近联系', never: '从未联系', call: '拨打', newCustomer: '新建客户',
  name: '名称', kind: '类型', company: '公司', companyKind: '企业', personKind: '个人', phone: '手机', email: '邮箱',
  source: '来源', status: '状态', notes: '备注', create: '创建', created: '已创建',
  profile: '资料', timeline: '跟进记录', openTasks: '待办任务', owner: '负责人', industry: '行业', position: '职位', address: '地址',
  logNote: '写备注', logVisit: '记拜访', logContent: '内容', logged: '已记录', followUp: '安排跟进', followUpDate: '日期', followUpTime: '时间',
  customerOutOfScope: '此商机的客户不在您的数据范围内，无法在此记录跟进',
  followUpNotes: '跟进内容', scheduled: '已安排，提前 30 分钟提醒', noActivities: '还没有跟进记录', noTasks: '没有任务', more: '更多',
  pipeline: '销售漏斗', weighted: '加权金额', opportunities: '个商机', moveTo: '移动到', moved: '已移动', moveFailed: '移动失败',
  lossReason: '输单原因', lossReasonRequired: '请填写输单原因', confirm: '确定', cancel: '取消', daysInStage: '天', probability: '赢率',
  today: '今天', overdue: '已逾期', upcoming: '未来 7 天', complete: '完成', completed: '已完成', due: '截止',
  period7: '7 天', period30: '30 天', period90: '90 天', period365: '一年', revenue: '赢单金额', dealsWon: '赢单数',
  winRate: '赢率', averageDeal: '平均单额', cycle: '平均周期（天）', openDeals: '进行中商机', pipelineValue: '商机金额',
  newCustomers: '新客户', activities: '跟进次数', salesTrend: '赢单趋势',
  customerMix: '客户分布', byProvince: '按地区', byIndustry: '按行业', notRecorded: '（未填写）', otherValues: '其他',
  customerCount: '共 %1 位客户', engagement: '客户活跃度', contactedWeek: '7 天内联系', contactedMonth: '8–30 天',
  contactedQuarter: '31–90 天', contactedOlder: '超过 90 天未联系', byRep: '按销售',
  closingSoon: '即将到期的商机', overdueBy: '已逾期 %1 天', overdueByOne: '已逾期 1 天', closesToday: '今天到期', closingTotal: '共 %1 个，显示最早的 %2 个',
  me: '我的', role: '角色', scope: '数据范围', signOut: '退出登录', signedOut: '已退出',
  openOpportunities: '进行中商机', newOpportunity: '新建商机', opportunityName: '商机名称', amount: '金额（元）', expectedClose: '预计成交', message: '消息', messagePlaceholder: '输入消息', send: '发送', noMessages: '还没有消息',
  pool: '公海', claim: '领取', claimed: '已领取', claimLost: '已被他人领取', poolEmpty: '公海里没有客户', release: '退回公海', releaseConfirm: '退回后其他同事可以领取该客户，确定退回？', released: '已退回公海', poolSince: '进入公海',
  newTask: '新建任务', taskTitle: '任务', remind: '提前 %1 分钟提醒', description: '说明',
  tabCustomers: '客户', tabPipeline: '商机', tabTasks: '任务', tabAnalytics: '分析', tabMe: '我的',
  edit: '编辑', saved: '已保存', delete: '删除', deleted: '已删除',
  changedMeanwhile: '该记录刚被他人修改，表单已显示最新内容，请重新修改后保存',
  contacts: '联系人', addContact: '添加联系人', relationship: '关系', primaryContact: '主要联系人', noContacts: '还没有联系人',
  deleteContactConfirm: '确定删除该联系人？',
  opportunity: '商机', customer: '客户', stage: '阶段', noOpportunity: '商机不存在或无权查看',
  leads: '线索', newLead: '新建线索', noLeads: '没有线索', openLeads: '跟进中', convert: '转为客户',
  convertConfirm: '将创建客户及其主要联系人，并新建一个商机。确定转换？', converted: '已转为客户', viewCustomer: '查看客户',
  noLead: '线索不存在或无权查看',
  campaigns: '营销活动', noCampaigns: '没有营销活动', noCampaign: '活动不存在或无权查看', goal: '目标', period: '时间', budget: '预算',
  campaignsMine: '有我的客户', campaignsAll: '全部活动', noCampaignsMine: '你的客户没有参加这类营销活动',
  myParticipants: '我的参与客户', noParticipants: '没有参与客户', participants: '参与', answered: '已答复', answer: '记录答复',
  response: '客户的答复', openCustomer: '查看客户', scoreOptional: '满意度（可选）', campaignFeedback: '活动满意度',
  satisfaction: '客户满意度', rateCustomer: '评价', noFeedback: '还没有评价', scoreRequired: '请选择满意度分数', feedbackSaved: '已记录评价',
  scoreCount: '%1 分 · %2 次评价', feedbackComment: '客户的意见', wonAfterJoining: '参与后成交', wonDeals: '%1 单 · %2',
  none: '（无）', yes: '是', no: '否'
}

type Words = typeof zh

const en: Words = {
  appName: 'CRM',
  signIn: 'Sign in', signingIn: 'Signing in…', username: 'User name', password: 'Password',
  wrongPassword: 'Wrong user name or password', locked: 'Too many failed sign-ins; try again later', inactive: 'This account has been deactivated; ask an administrator', network: 'Cannot reach the server; check the network',
  mustChange: 'Choose a new password for your first sign-in', currentPassword: 'Current password', newPassword: 'New password (10 characters or more)', save: 'Save',
  search: 'Search name, company, phone', all: 'All', sortLastContact: 'Last contact', sortCreated: 'Newest', sortName: 'Name',
  noCustomers: 'No customers', loading: 'Loading…', noMore: 'No more', notFound: 'No such customer, or not yours to see', loadFailed: 'Loading failed; tap to retry',
  lastContact: 'Last contact', never: 'Never contacted', call: 'Call', newCustomer: 'New customer',
  name: 'Name', kind: 'Kind', company: 'Company', companyKind: 'Company', personKind: 'Person', phone: 'Mobile', email: 'Email',
  source: 'Source', status: 'Status', notes: 'Notes', create: 'Create', created: 'Created',
  profile: 'Profile', timeline: 'Timeline', openTasks: 'Open tasks', owner: 'Owner', industry: 'Industry', position: 'Position', address: 'Address',
  logNote: 'Add note', logVisit: 'Log visit', logContent: 'What happened', logged: 'Logged', followUp: 'Schedule follow-up', followUpDate: 'Date', followUpTime: 'Time',
  customerOutOfScope: 'The customer of this opportunity is outside your data scope, so activities cannot be logged here',
  followUpNotes: 'Follow-up notes', scheduled: 'Scheduled; reminder 30 minutes before', noActivities: 'Nothing logged yet', noTasks: 'No tasks', more: 'More',
  pipeline: 'Pipeline', weighted: 'Weighted', opportunities: 'opportunities', moveTo: 'Move to', moved: 'Moved', moveFailed: 'Move failed',
  lossReason: 'Why was it lost?', lossReasonRequired: 'Say why it was lost', confirm: 'OK', cancel: 'Cancel', daysInStage: 'days', probability: 'Probability',
  today: 'Today', overdue: 'Overdue', upcoming: 'Next 7 days', complete: 'Done', completed: 'Completed', due: 'Due',
  period7: '7 days', period30: '30 days', period90: '90 days', period365: 'Year', revenue: 'Won', dealsWon: 'Deals won',
  winRate: 'Win rate', averageDeal: 'Average deal', cycle: 'Cycle (days)', openDeals: 'Open deals', pipelineValue: 'Pipeline',
  newCustomers: 'New customers', activities: 'Activities', salesTrend: 'Won over time',
  customerMix: 'Customers', byProvince: 'By province', byIndustry: 'By industry', notRecorded: '(not recorded)', otherValues: 'Other',
  customerCount: '%1 customers', engagement: 'Last contact', contactedWeek: 'Within 7 days', contactedMonth: '8–30 days',
  contactedQuarter: '31–90 days', contactedOlder: 'Not contacted for 90+ days', byRep: 'By rep',
  closingSoon: 'Deals closing soon', overdueBy: 'Overdue by %1 days', overdueByOne: 'Overdue by 1 day', closesToday: 'Closes today', closingTotal: '%1 in all; the earliest %2 shown',
  me: 'Me', role: 'Role', scope: 'Data scope', signOut: 'Sign out', signedOut: 'Signed out',
  openOpportunities: 'Open opportunities', newOpportunity: 'New opportunity', opportunityName: 'Opportunity', amount: 'Amount', expectedClose: 'Expected close', message: 'Message', messagePlaceholder: 'Type a message', send: 'Send', noMessages: 'No messages yet',
  pool: 'Pool', claim: 'Claim', claimed: 'Claimed', claimLost: 'Someone claimed it first', poolEmpty: 'The pool is empty', release: 'Back to pool', releaseConfirm: 'Colleagues will be able to claim this customer. Give it back to the pool?', released: 'Back in the pool', poolSince: 'In the pool since',
  newTask: 'New task', taskTitle: 'Task', remind: 'Remind me %1 minutes before', description: 'Details',
  tabCustomers: 'Customers', tabPipeline: 'Pipeline', tabTasks: 'Tasks', tabAnalytics: 'Analytics', tabMe: 'Me',
  edit: 'Edit', saved: 'Saved', delete: 'Delete', deleted: 'Deleted',
  changedMeanwhile: 'Someone changed this meanwhile; the form now shows their version. Make your change again.',
  contacts: 'Contacts', addContact: 'Add contact', relationship: 'Relationship', primaryContact: 'Primary contact', noContacts: 'No contacts yet',
  deleteContactConfirm: 'Delete this contact?',
  opportunity: 'Opportunity', customer: 'Customer', stage: 'Stage', noOpportunity: 'No such opportunity, or not yours to see',
  leads: 'Leads', newLead: 'New lead', noLeads: 'No leads', openLeads: 'Open', convert: 'Convert to customer',
  convertConfirm: 'This creates a customer, its primary contact and an opportunity. Convert?', converted: 'Converted', viewCustomer: 'View customer',
  noLead: 'No such lead, or not yours to see',
  campaigns: 'Campaigns', noCampaigns: 'No campaigns', noCampaign: 'No such campaign, or not yours to see', goal: 'Goal', period: 'When', budget: 'Budget',
  campaignsMine: 'With my customers', campaignsAll: 'All campaigns', noCampaignsMine: 'None of your customers is in such a campaign',
  myParticipants: 'My customers in it', noParticipants: 'No customers in it', participants: 'Taking part', answered: 'Answered', answer: 'Record answer',
  response: 'What the customer said', openCustomer: 'View customer', scoreOptional: 'Satisfaction (optional)', campaignFeedback: 'Satisfaction',
  satisfaction: 'Satisfaction', rateCustomer: 'Rate', noFeedback: 'No scores yet', scoreRequired: 'Choose a score', feedbackSaved: 'Score recorded',
  scoreCount: '%1 from %2 scores', feedbackComment: 'What the customer thinks', wonAfterJoining: 'Won after joining', wonDeals: '%1 deals · %2',
  none: '(none)', yes: 'Yes', no: 'No'
}

const labels: Record<string, Record<string, string>> = {
  status: { prospect: '潜在客户', new: '新客户', active: '活跃客户', loyal: '忠实客户', at_risk: '有流失风险', lost: '已流失' },
  stage: { lead: '线索', qualified: '需求确认', proposal: '方案报价', negotiation: '商务谈判', won: '赢单', lost: '输单' },
  activity: { call: '电话', message: '消息', email: '邮件', meeting: '会议', visit: '拜访', note: '备注' },
  role: { administrator: '管理员', manager: '经理', rep: '销售代表' },
  scope: { own: '本人', own_and_subordinates: '本人及下属', department: '本部门', department_tree: '本部门及下级部门', all: '全部' },
  lead: { new: '新线索', contacted: '已联系', qualified: '已确认', disqualified: '无效', converted: '已转化' },
  campaign: { planned: '计划中', active: '进行中', finished: '已结束', cancelled: '已取消' },
  participant: { invited: '已邀请', responded: '已响应', converted: '已成交', declined: '已拒绝' }
}
const labelsEn: Record<string, Record<string, string>> = {
  status: { prospect: 'Prospect', new: 'New', active: 'Active', loyal: 'Loyal', at_risk: 'At risk', lost: 'Lost' },
  stage: {}, activity: {}, role: {}, scope: {},
  lead: { new: 'New', contacted: 'Contacted', qualified: 'Qualified', disqualified: 'Disqualified', converted: 'Converted' },
  campaign: { planned: 'Planned', active: 'Active', finished: 'Finished', cancelled: 'Cancelled' },
  participant: { invited: 'Invited', responded: 'Responded', converted: 'Converted', declined: 'Declined' }
}

function systemLanguage(): string {
  try {
    return (Taro.getSystemInfoSync().language || '').toLowerCase()
  } catch {
    return ''
  }
}

export const isChinese = (() => {
  const lang = systemLanguage()
  return lang === '' || lang.startsWith('zh')
})()

export const t: Words = isChinese ? zh : en

// A code from the server (status, stage, activity kind, role, scope) in the rep's language.
export function label(kind: keyof typeof labels, code: string): string {
  const table = isChinese ? labels[kind] : labelsEn[kind]
  return (table && table[code]) || code
}
