// The shapes the API answers (httpapi/README.md); only the fields the pages read.

export interface User {
  id: number
  username: string
  displayName: string
  role: string
  dataScope: string
  permissions: string[]
  mustChangePassword: boolean
}

export interface LoginAnswer {
  token: string
  expiresAt: string
  user: User
}

export interface Customer {
  id: number
  name: string
  kind: 'company' | 'person'
  company: string
  position: string
  industry: string
  source: string
  status: string
  level: string
  phone: string
  email: string
  province: string
  city: string
  district: string
  tags: string[]
  ownerId: number | null
  ownerName: string
  lastContactAt: string | null
  createdAt: string
  version: number
  // Only on a single customer's answer (GET /api/crm/customers/{id}):
  notes?: string
  phones?: { number: string; label: string; primary: boolean }[]
  emails?: { address: string; label: string; primary: boolean }[]
  hiddenFields?: string[] // fields the rep's role may not see: the edit form leaves them out
  customFields?: Record<string, CustomValue>
}

// The company's own customer fields (defined by administrators on the desktop).
export type CustomValue = string | number | boolean | null
export interface CustomFieldDef {
  key: string
  label: string
  type: 'text' | 'number' | 'date' | 'bool' | 'choice'
  options: string[]
  required: boolean
}

export interface Contact {
  id: number
  customerId: number
  name: string
  position: string
  relationship: string
  phone: string
  email: string
  primary: boolean
  notes: string
}

export interface Lead {
  id: number
  name: string
  company: string
  phone: string
  email: string
  source: string
  status: 'new' | 'contacted' | 'qualified' | 'disqualified' | 'converted'
  notes: string
  ownerId: number | null
  ownerName: string
  createdAt: string
  convertedCustomerId: number | null
  version: number
}

export interface Campaign {
  id: number
  name: string
  goal: string
  description: string
  startDate: string | null
  endDate: string | null
  status: 'planned' | 'active' | 'finished' | 'cancelled'
  budget: number
  currency: string
  ownerName: string | null
  version: number
}

export type ParticipantStatus = 'invited' | 'responded' | 'converted' | 'declined'
export interface Participant {
  campaignId: number
  customerId: number
  customerName: string
  status: ParticipantStatus
  response: string
  respondedAt: string | null
  addedAt: string
}

export interface CampaignStats {
  participants: number
  invited: number
  responded: number
  converted: number
  declined: number
}

// Satisfaction scores summed up: average with two decimals, perScore = how many 1s .. 5s.
export interface ScoreSummary {
  count: number
  average: number
  perScore: number[]
}

// What a campaign brought: the deals its participants won after joining, since it began (null for a
// role that reads no reports, or before it began).
export interface CampaignEffect {
  wonDeals: number
  wonAmount: number
  currency: string
}

export interface Feedback {
  id: number
  customerId: number
  campaignId: number | null
  userName: string
  score: number
  comment: string
  createdAt: string
}

export interface CustomerPage {
  customers: Customer[]
  page: number
  limit: number
  total: number
  totalExact: boolean
  hasMore: boolean
}

export interface Activity {
  id: number
  customerId: number
  userName: string
  type: string
  direction: string
  status: string
  subject: string
  content: string
  occurredAt: string
}

export interface Stage {
  id: number
  name: string
  position: number
  probability: number
  kind: 'open' | 'won' | 'lost'
  count: number
  value: number
  weightedValue: number
  hasMore: boolean
}

export interface Opportunity {
  id: number
  name: string
  customerId: number
  customerName: string
  pipelineId: number
  stageId: number
  stageName: string
  value: number
  currency: string
  probability: number
  weightedValue: number
  expectedCloseDate: string | null
  status: 'open' | 'won' | 'lost'
  ownerName: string
  stageEnteredAt: string
  notes: string
  lossReason: string
  version: number
  // Only on the detail (GET /api/crm/opportunities/{id}): false when the deal is in the user's scope
  // but its customer is not, so activities cannot be logged on it.
  customerVisible?: boolean
}

export interface PipelineStages {
  id: number
  name: string
  stages: { id: number; name: string; position: number; probability: number; kind: 'open' | 'won' | 'lost' }[]
}

export interface Pipeline {
  pipelineId: number
  currency: string
  stages: Stage[]
  opportunities: Opportunity[]
  totals: { openCount: number; openValue: number; weightedValue: number }
}

export interface Task {
  id: number
  title: string
  description: string
  type: string
  status: 'open' | 'completed' | 'cancelled'
  priority: string
  dueDate: string | null
  reminderTime: string | null
  customerId: number | null
  customerName: string
  version: number
}

export interface SalesMetrics {
  period: string
  currency: string
  revenue: number
  dealsWon: number
  dealsLost: number
  averageDealSize: number
  winRate: number
  salesCycleDays: number
  openDeals: number
  pipelineValue: number
  weightedPipelineValue: number
  newCustomers: number
  activities: number
  series: { date: string; count: number; value: number }[]
}

// Customers sharing a value ("" for those with none recorded).
export interface NamedCount {
  name: string
  count: number
}

// How long ago customers were last contacted: within 7 days, 8-30, 31-90, more than 90, never.
export interface ContactBuckets {
  week: number
  month: number
  quarter: number
  older: number
  never: number
}

// GET /api/crm/analytics/customers: the period's new customers, and the customers in scope now.
export interface CustomerMetrics {
  period: string
  newCustomers: number
  series: { date: string; count: number }[]
  // Largest first, at most 20 each; the customers of the values left out counted in other...; a list
  // the role hides is empty.
  distribution: {
    total: number
    provinces: NamedCount[]
    otherProvinces: number
    industries: NamedCount[]
    otherIndustries: number
  }
  engagement: ContactBuckets & {
    total: number
    byOwner: (ContactBuckets & { userId: number | null; name: string; customers: number })[] // userId null: the pool
  }
}
