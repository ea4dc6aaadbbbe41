import { request } from './client'
import type {
  Activity, Campaign, CampaignEffect, CampaignStats, Contact, Customer, CustomerMetrics, CustomerPage, CustomFieldDef, Feedback, Lead, LoginAnswer, Opportunity, Participant, ParticipantStatus, Pipeline, PipelineStages, SalesMetrics,
  ScoreSummary, Task
} from './types'

// One function per call the pages make; the paths and envelopes are the API's (httpapi/README.md).

export const login = (username: string, password: string) =>
  request<LoginAnswer>('POST', '/api/auth/login', { username, password })
export const logout = () => request<{ success: boolean }>('POST', '/api/auth/logout')
export const changePassword = (currentPassword: string, newPassword: string) =>
  request<{ success: boolean }>('POST', '/api/auth/password', { currentPassword, newPassword })

export interface CustomerQuery {
  page: number
  limit?: number
  keyword?: string
  status?: string
  sortBy?: string
}
export const customers = (q: CustomerQuery) =>
  request<CustomerPage>('GET', '/api/crm/customers', undefined, { limit: 20, ...q })
export const pool = (q: { page: number; keyword?: string }) =>
  request<CustomerPage>('GET', '/api/crm/pool', undefined, { limit: 20, ...q })
export const claim = (id: number) => request<{ success: boolean; customer: Customer }>('POST', `/api/crm/pool/${id}/claim`)
export const release = (id: number) => request<{ success: boolean; customer: Customer }>('POST', `/api/crm/customers/${id}/release`)
export const customer = (id: number) => request<{ customer: Customer }>('GET', `/api/crm/customers/${id}`)
export const createCustomer = (fields: Partial<Customer>) =>
  request<{ success: boolean; customer: Customer }>('POST', '/api/crm/customers', fields)
export const customFieldDefs = () => request<{ fields: CustomFieldDef[] }>('GET', '/api/crm/custom-fields')
export const updateCustomer = (id: number, version: number, fields: Record<string, unknown>) =>
  request<{ success: boolean; customer: Customer }>('PATCH', `/api/crm/customers/${id}`, fields, undefined, version)

export type ContactFields = Pick<Contact, 'name' | 'position' | 'relationship' | 'phone' | 'email' | 'primary' | 'notes'>
export const contacts = (customerId: number) => request<{ contacts: Contact[] }>('GET', `/api/crm/customers/${customerId}/contacts`)
export const contact = (id: number) => request<{ contact: Contact }>('GET', `/api/crm/contacts/${id}`)
export const addContact = (customerId: number, fields: Partial<ContactFields>) =>
  request<{ success: boolean; contact: Contact }>('POST', `/api/crm/customers/${customerId}/contacts`, fields)
export const updateContact = (id: number, fields: Partial<ContactFields>) =>
  request<{ success: boolean; contact: Contact }>('PATCH', `/api/crm/contacts/${id}`, fields)
export const removeContact = (id: number) => request<{ success: boolean }>('DELETE', `/api/crm/contacts/${id}`)

export const customerActivities = (id: number, before?: string) =>
  request<{ activities: Activity[]; hasMore: boolean; next: string | null }>('GET', `/api/crm/customers/${id}/activities`, undefined, { limit: 20, before })
export const customerTasks = (id: number) =>
  request<{ tasks: Task[] }>('GET', `/api/crm/customers/${id}/tasks`, undefined, { status: 'open', limit: 20 })

export const customerOpportunities = (id: number) =>
  request<{ opportunities: Opportunity[] }>('GET', `/api/crm/customers/${id}/opportunities`, undefined, { status: 'open', limit: 20 })
export const customerMessages = (id: number) =>
  request<{ messages: Activity[] }>('GET', `/api/crm/customers/${id}/messages`, undefined, { limit: 50 })
export const sendMessage = (customerId: number, message: string) =>
  request<{ success: boolean; message: Activity }>('POST', '/api/crm/messages', { customerId, message, type: 'text', direction: 'outbound' })

// On an opportunity of that customer when opportunityId is given.
export const logActivity = (customerId: number, type: string, content: string, opportunityId?: number) =>
  request<{ success: boolean; activity: Activity }>('POST', '/api/crm/activities',
    opportunityId ? { customerId, type, content, opportunityId } : { customerId, type, content })
export const logCall = (customerId: number, phoneNumber: string, status: 'initiated' | 'connected' | 'failed') =>
  request<{ success: boolean }>('POST', '/api/crm/communications', { customerId, type: 'call', direction: 'outbound', phoneNumber, status })
export const scheduleFollowUp = (customerId: number, scheduledDate: number, notes: string) =>
  request<{ success: boolean; task: Task }>('POST', '/api/crm/follow-ups', { customerId, scheduledDate, notes })

export interface NewOpportunity {
  name: string
  customerId: number
  value: string
  expectedCloseDate?: string
  notes?: string
}
export const createOpportunity = (fields: NewOpportunity) =>
  request<{ success: boolean; opportunity: Opportunity }>('POST', '/api/crm/opportunities', fields)
export const opportunity = (id: number) => request<{ opportunity: Opportunity }>('GET', `/api/crm/opportunities/${id}`)
export const updateOpportunity = (id: number, version: number, fields: Partial<Omit<NewOpportunity, 'customerId'>>) =>
  request<{ success: boolean; opportunity: Opportunity }>('PATCH', `/api/crm/opportunities/${id}`, fields, undefined, version)
export const opportunityActivities = (id: number, before?: string) =>
  request<{ activities: Activity[]; hasMore: boolean; next: string | null }>('GET', `/api/crm/opportunities/${id}/activities`, undefined,
    { limit: 20, before })
export const opportunityTasks = (id: number) =>
  request<{ tasks: Task[] }>('GET', '/api/crm/tasks', undefined, { opportunityId: id, status: 'open', limit: 20 })
// The rep's own open opportunities expected to close by `until` (a local day, YYYY-MM-DD), overdue ones
// included: the earliest first.
export const closingSoon = (ownerId: number, until: string) =>
  request<{ opportunities: Opportunity[]; total: number; hasMore: boolean }>('GET', '/api/crm/opportunities', undefined,
    { status: 'open', ownerId, expectedCloseTo: until, sortBy: 'expectedCloseDate', limit: 20 })
export const pipelines = () => request<{ pipelines: PipelineStages[] }>('GET', '/api/crm/pipelines')
export const pipeline = () => request<Pipeline>('GET', '/api/crm/pipeline')
export const moveOpportunity = (id: number, stageId: number, lossReason?: string) =>
  request<{ success: boolean }>('PUT', `/api/crm/opportunities/${id}/move`, lossReason ? { stageId, lossReason } : { stageId })

export type TaskView = 'today' | 'overdue' | 'upcoming'
export const tasks = (view: TaskView, after?: string) =>
  request<{ tasks: Task[]; hasMore: boolean; next: string | null }>('GET', '/api/crm/tasks', undefined,
    { view, days: view === 'upcoming' ? 7 : undefined, tz: timeZone(), limit: 30, after })
export const createTask = (fields: { title: string; dueDate: number; reminderTime?: number; description?: string; customerId?: number }) =>
  request<{ success: boolean; task: Task }>('POST', '/api/crm/tasks', fields)
export const task = (id: number) => request<{ task: Task }>('GET', `/api/crm/tasks/${id}`)
export const updateTask = (id: number, version: number,
  fields: { title?: string; description?: string; dueDate?: number; reminderTime?: number | null; status?: string }) =>
  request<{ success: boolean; task: Task }>('PATCH', `/api/crm/tasks/${id}`, fields, undefined, version)
export const completeTask = (id: number) =>
  request<{ success: boolean; task: Task }>('PATCH', `/api/crm/tasks/${id}`, { status: 'completed' })

export const leads = (q: { status?: string; ownerId?: string; after?: string }) =>
  request<{ leads: Lead[]; hasMore: boolean; next: string | null }>('GET', '/api/crm/leads', undefined, { limit: 20, ...q })
export const lead = (id: number) => request<{ lead: Lead }>('GET', `/api/crm/leads/${id}`)
export type LeadFields = Partial<Pick<Lead, 'name' | 'company' | 'phone' | 'email' | 'source' | 'status' | 'notes'>>
export const createLead = (fields: LeadFields) => request<{ success: boolean; lead: Lead }>('POST', '/api/crm/leads', fields)
export const updateLead = (id: number, version: number, fields: LeadFields & { ownerId?: number | null }) =>
  request<{ success: boolean; lead: Lead }>('PATCH', `/api/crm/leads/${id}`, fields, undefined, version)
export const convertLead = (id: number, createOpportunity: boolean) =>
  request<{ success: boolean; customerId: number; opportunityId: number | null }>('POST', `/api/crm/leads/${id}/convert`, { createOpportunity })

// `mine`: only campaigns with a customer of the caller's scope (a rep's own customers).
export const campaigns = (q: { status?: string; mine?: boolean; after?: string }) =>
  request<{ campaigns: Campaign[]; hasMore: boolean; next: string | null }>('GET', '/api/crm/campaigns', undefined, { limit: 20, ...q })
export const campaign = (id: number) =>
  request<{ campaign: Campaign; stats: CampaignStats; feedback: ScoreSummary | null; effect: CampaignEffect | null }>('GET', `/api/crm/campaigns/${id}`)
// Participants the rep may see: their own customers (the API applies the data scope).
export const participants = (id: number, q: { status?: string; after?: string }) =>
  request<{ participants: Participant[]; hasMore: boolean; next: string | null }>('GET', `/api/crm/campaigns/${id}/participants`, undefined, { limit: 50, ...q })
export const recordResponse = (id: number, customerId: number, status: ParticipantStatus, response: string) =>
  request<{ success: boolean; participant: Participant }>('PUT', `/api/crm/campaigns/${id}/participants/${customerId}`, { status, response })
export const customerFeedback = (customerId: number) =>
  request<{ feedback: Feedback[]; summary: ScoreSummary }>('GET', `/api/crm/customers/${customerId}/feedback`, undefined, { limit: 5 })
export const addFeedback = (customerId: number, score: number, comment: string, campaignId?: number) =>
  request<{ success: boolean; feedback: Feedback }>('POST', `/api/crm/customers/${customerId}/feedback`, { score, comment, campaignId: campaignId ?? null })

export const salesMetrics = (period: string) =>
  request<{ metrics: SalesMetrics }>('GET', '/api/crm/analytics/sales', undefined, { period, tz: timeZone() })

export const customerMetrics = (period: string) =>
  request<{ metrics: CustomerMetrics }>('GET', '/api/crm/analytics/customers', undefined, { period, tz: timeZone() })

// The phone's zone, so "today" and "30 days" are the rep's days, not the server's.
function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined
  } catch {
    return undefined
  }
}
