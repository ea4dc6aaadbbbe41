// The reps' H5 app end to end: the real `crm serve` (SQLite demo company) serves the built app at /m/,
// headless Chromium (Debian's, driven by playwright-core) signs in as a rep and uses the pages, and
// every step is checked against the API's own answers with the same token.
//
// Needs: CRM_BIN (the crm executable; CTest sets it), miniprogram/dist/h5 (scripts/build-miniprogram),
// /usr/bin/chromium (scripts/install-deps test). Run: CRM_BIN=build/debug/app/crm node --test miniprogram/test/
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
const webApp = join(here, '..', 'dist', 'h5')
const crm = process.env.CRM_BIN
const password = 'E2e-pass-2026'
const chromiumPath = process.env.CRM_CHROMIUM || '/usr/bin/chromium'

let dir, server, base, browser, page, rep

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

async function api(method, path, token, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined
  })
  return { status: res.status, body: await res.json().catch(() => null) }
}

const appToken = () => page.evaluate(() => {
  // Taro's H5 storage keeps {data: value} per key in localStorage.
  const raw = localStorage.getItem('crm.token')
  return raw ? JSON.parse(raw).data : ''
})

// CRM_E2E_SCREENSHOTS=DIR keeps a picture of each step (to look at the pages, not to compare).
async function snap(name, settleMs = 500) {
  if (!process.env.CRM_E2E_SCREENSHOTS)
    return
  await page.waitForTimeout(settleMs) // the page's slide-in transition, a toast
  await page.screenshot({ path: join(process.env.CRM_E2E_SCREENSHOTS, `${name}.png`) })
}

// A page of the app by its hash route, loaded afresh: a hash change alone lets Taro's router return to
// a page of the same path still in its stack (with the old query) instead of opening the new one.
// A Back the app started at the end of the previous step (after giving a customer back) may still land
// and interrupt it: then it is tried again.
async function openPage(hash, on = page) {
  const url = `${base}/m/${hash}`
  for (let attempt = 1; ; attempt++) {
    try {
      await on.goto('about:blank')
      await on.goto(url)
      await on.waitForTimeout(100)
      if (on.url() === url)
        return
    } catch (e) {
      if (!/interrupted/.test(e.message))
        throw e
    }
    assert.ok(attempt < 3, `could not open ${url}: the app navigated to ${on.url()}`)
    await on.waitForTimeout(500)
  }
}

// Taro's H5 picker: choose row `index` and confirm. A tap on the row below the chosen one chooses it
// and scrolls it to the middle, so the next row down is always in view. Closed pickers stay in the
// page, slid out of view: the open one is the one on screen.
async function pickerConfirm(index = 0) {
  const onScreen = (selector) => page.evaluate((sel) => [...document.querySelectorAll(sel)].findIndex((e) => {
    const r = e.getBoundingClientRect()
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight
  }), selector)
  await page.waitForFunction(() => [...document.querySelectorAll('.weui-picker__group')]
    .some((g) => { const r = g.getBoundingClientRect(); return r.height > 0 && r.bottom <= window.innerHeight }))
  await page.waitForTimeout(350) // the slide-up
  const column = page.locator('.weui-picker__group').nth(await onScreen('.weui-picker__group'))
  for (let row = 1; row <= index; row++) {
    await column.locator('.weui-picker__item').nth(row).click({ force: true }) // under the picker's mask, by design
    await page.waitForTimeout(350) // the column's scroll transition (0.3 s)
  }
  const actions = page.locator('.weui-picker__action')
  const count = await actions.count()
  for (let i = count - 1; i >= 0; i--) { // the open picker's confirm: the last action on screen
    const box = await actions.nth(i).boundingBox()
    if (box && box.y >= 0 && box.y + box.height <= page.viewportSize().height) {
      await actions.nth(i).click()
      return
    }
  }
  assert.fail('no picker on screen')
}

async function typeInto(selector, text) {
  const input = page.locator(`${selector} input, ${selector} textarea`).filter({ visible: true }).first()
  await input.fill(text)
}

before(async () => {
  assert.ok(crm && existsSync(crm), 'CRM_BIN must name the built crm executable')
  assert.ok(existsSync(join(webApp, 'index.html')), `no built app in ${webApp}: run scripts/build-miniprogram`)
  assert.ok(existsSync(chromiumPath), `no Chromium at ${chromiumPath}: run scripts/install-deps test`)
  dir = mkdtempSync(join(tmpdir(), 'crm-h5-'))
  const db = join(dir, 'crm.sqlite')
  const demo = spawnSync(crm, ['--database', db, 'demo', '--customers', '6000', '--password', password], { encoding: 'utf8' })
  assert.equal(demo.status, 0, demo.stderr)
  rep = demo.stdout.split('\n').map((l) => l.trim().split(/\s+/)[0]).find((name) => /^rep\d+$/.test(name))
  assert.ok(rep, 'the demo prints its reps')

  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  server = spawn(crm, ['--database', db, 'serve', '--listen', `127.0.0.1:${port}`, '--threads', '1', '--web-app', webApp],
    { stdio: ['ignore', 'inherit', 'inherit'] })
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/m/`)).status === 200)
        break
    } catch {}
    assert.ok(i < 100, 'crm serve did not answer within 10 s')
    await new Promise((r) => setTimeout(r, 100))
  }

  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync']
  })
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true })
  page = await context.newPage()
  page.on('pageerror', (e) => console.error('page error:', e.message))
})

after(async () => {
  await browser?.close()
  if (server) {
    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
  }
  if (dir)
    rmSync(dir, { recursive: true, force: true })
})

test('the app is served at /m/ and asks for a sign-in', async () => {
  await page.goto(`${base}/m/`)
  await page.waitForURL(/#\/pages\/login\/index/)
  await page.locator('#username input').waitFor()
})

test('a wrong password says so and signs nobody in', async () => {
  await typeInto('#username', rep)
  await typeInto('#password', 'not-the-password')
  await page.locator('#sign-in').click()
  await page.locator('#login-error').waitFor()
  await snap('login-error')
  assert.equal((await page.locator('#login-error').innerText()).trim(), '用户名或密码错误')
  assert.equal(await appToken(), '')
})

let token

test('signing in shows the rep\'s customers, as the API lists them', async () => {
  await typeInto('#password', password)
  await page.locator('#sign-in').click()
  await page.waitForURL(/#\/pages\/customers\/index/)
  token = await appToken()
  assert.ok(token.length > 20)
  const listed = await api('GET', '/api/crm/customers?page=1&limit=20&status=all&sortBy=lastContact', token)
  assert.equal(listed.status, 200)
  assert.ok(listed.body.customers.length > 0, 'the demo gives every rep customers')
  await page.locator('.customer__name').first().waitFor()
  const names = await page.locator('.customer__name').allInnerTexts()
  assert.deepEqual(names, listed.body.customers.map((c) => c.name))
  await snap('customers')

  // The bottom of the list asks for page 2 (the demo gives a rep about 30 customers).
  assert.equal(listed.body.hasMore, true)
  const second = await api('GET', '/api/crm/customers?page=2&limit=20&status=all&sortBy=lastContact', token)
  const all = [...listed.body.customers, ...second.body.customers].map((c) => c.name)
  await page.mouse.wheel(0, 20000)
  await page.waitForFunction((n) => document.querySelectorAll('.customer__name').length === n, all.length)
  assert.deepEqual(await page.locator('.customer__name').allInnerTexts(), all)
  await page.mouse.wheel(0, -20000)
})

test('a two-character Chinese search narrows the list to matching customers', async () => {
  const listed = await api('GET', '/api/crm/customers?page=1&limit=100&sortBy=lastContact', token)
  const word = [...listed.body.customers[0].name].slice(0, 2).join('')
  const expected = await api('GET', `/api/crm/customers?page=1&limit=20&status=all&sortBy=lastContact&keyword=${encodeURIComponent(word)}`, token)
  await typeInto('#search', word)
  await page.waitForFunction((n) => document.querySelectorAll('.customer__name').length === n, expected.body.customers.length)
  const names = await page.locator('.customer__name').allInnerTexts()
  assert.ok(names.length > 0 && names.length < listed.body.customers.length, `${word}: ${names.length} of ${listed.body.customers.length}`)
  assert.deepEqual(names, expected.body.customers.map((c) => c.name))
  await snap('search')
  await typeInto('#search', '')
})

test('the new-customer form says what is missing in Chinese, then creates the rep\'s customer', async () => {
  await page.locator('.fab').filter({ visible: true }).click()
  await page.locator('#field-name input').waitFor()
  await page.locator('#save-customer').click()
  await page.locator('.form__error', { hasText: '请填写名称' }).waitFor()
  const name = `深圳前海测试贸易有限公司${Date.now() % 100000}`
  await typeInto('#field-name', name)
  await typeInto('#field-phone', '13800138000')
  await page.locator('#save-customer').click()
  await page.locator('#customer-name', { hasText: name }).waitFor()
  const found = await api('GET', `/api/crm/customers?page=1&limit=5&keyword=${encodeURIComponent(name)}`, token)
  assert.equal(found.body.customers.length, 1)
  assert.equal(found.body.customers[0].phone, '13800138000')
  const me = await api('GET', '/api/me', token)
  assert.equal(found.body.customers[0].ownerId, me.body.user.id)
})

test('a note logged on a customer\'s page is stored and shown in the timeline', async () => {
  const listed = await api('GET', '/api/crm/customers?page=1&limit=1&sortBy=lastContact', token)
  const customer = listed.body.customers[0]
  await openPage(`#/pages/customer-detail/index?id=${customer.id}`)
  await page.locator('#customer-name').waitFor()
  assert.equal((await page.locator('#customer-name').innerText()).trim(), customer.name)
  const note = `客户要求周五前报价 ${Date.now()}`
  await page.locator('#log-note').click()
  await typeInto('#log-text', note)
  await page.locator('#log-save').click()
  await page.locator('.activity__content', { hasText: note }).waitFor()
  await snap('customer-detail', 2500)
  const timeline = await api('GET', `/api/crm/customers/${customer.id}/activities?limit=5`, token)
  assert.ok(timeline.body.activities.some((a) => a.content === note && a.type === 'note'), 'the note is in the API\'s timeline')
})

test('a follow-up scheduled on a customer\'s page is due tomorrow at 10:00 with its task and reminder', async () => {
  const listed = await api('GET', '/api/crm/customers?page=1&limit=1&sortBy=lastContact', token)
  const customer = listed.body.customers[0]
  await openPage(`#/pages/customer-detail/index?id=${customer.id}`)
  await page.locator('#follow-up').filter({ visible: true }).click()
  const notes = `带样品上门演示 ${Date.now() % 100000}`
  await typeInto('#log-text', notes)
  await page.locator('#log-save').filter({ visible: true }).click()
  let followUp
  for (let i = 0; i < 50 && !followUp; i++) {
    const list = await api('GET', `/api/crm/customers/${customer.id}/follow-ups?limit=20`, token)
    followUp = list.body.followUps.find((f) => f.notes === notes)
    if (!followUp)
      await new Promise((r) => setTimeout(r, 100))
  }
  assert.ok(followUp, 'the follow-up is in the API')
  const tomorrow = new Date(Date.now() + 86400000)
  const due = new Date(followUp.task.dueDate)
  assert.deepEqual([due.getDate(), due.getHours(), due.getMinutes()], [tomorrow.getDate(), 10, 0])
  assert.equal(Date.parse(followUp.task.dueDate) - Date.parse(followUp.task.reminderTime), 30 * 60000)
})

test('an opportunity created from a customer\'s page is stored with the exact amount and listed there', async () => {
  const listed = await api('GET', '/api/crm/customers?page=1&limit=1&sortBy=lastContact', token)
  const customer = listed.body.customers[0]
  await openPage(`#/pages/customer-detail/index?id=${customer.id}`)
  await page.locator('#new-opportunity').click()
  await page.locator('#opportunity-name input').waitFor()
  await typeInto('#opportunity-name', '门店系统升级')
  await typeInto('#opportunity-value', '86000.50')
  await page.locator('#save-opportunity').click()
  await page.locator('.opportunity__name', { hasText: '门店系统升级' }).waitFor()
  const deals = await api('GET', `/api/crm/customers/${customer.id}/opportunities?status=open`, token)
  const deal = deals.body.opportunities.find((o) => o.name === '门店系统升级')
  assert.ok(deal, 'the opportunity is in the API')
  assert.equal(deal.value, 86000.5)
  assert.equal(deal.customerId, customer.id)
})

test('a message sent from the message page is logged on the customer', async () => {
  const listed = await api('GET', '/api/crm/customers?page=1&limit=1&sortBy=lastContact', token)
  const customer = listed.body.customers[0]
  await openPage(`#/pages/message/index?customerId=${customer.id}`)
  await page.locator('#message-text input').waitFor()
  const text = `王总您好，报价单已发邮箱 ${Date.now()}`
  await typeInto('#message-text', text)
  await page.locator('#message-send').click()
  await page.locator('.message__text', { hasText: text }).waitFor()
  await snap('message')
  const messages = await api('GET', `/api/crm/customers/${customer.id}/messages?limit=5`, token)
  assert.ok(messages.body.messages.some((m) => m.content === text && m.direction === 'outbound'))
})

test('a customer claimed from the public pool becomes the rep\'s, and goes back after a confirmation', async () => {
  const me = await api('GET', '/api/me', token)
  await openPage(`#/pages/customers/index`)
  await page.locator('#open-pool').click()
  await page.waitForURL(/#\/pages\/pool\/index/)
  const first = page.locator('.pool__item').first()
  await first.waitFor()
  const name = (await first.locator('.customer__name').innerText()).trim()
  const inPool = await api('GET', `/api/crm/pool?page=1&limit=100&keyword=${encodeURIComponent(name)}`, token)
  const target = inPool.body.customers.find((c) => c.name === name)
  assert.ok(target, 'the listed customer is in the API\'s pool')
  await first.locator('.pool__claim').click()
  await page.locator('.pool__item .customer__name', { hasText: name }).first().waitFor({ state: 'detached' }).catch(() => undefined)
  let owned
  for (let i = 0; i < 50 && !(owned && owned.body.customer.ownerId === me.body.user.id); i++) {
    owned = await api('GET', `/api/crm/customers/${target.id}`, token)
    await new Promise((r) => setTimeout(r, 100))
  }
  assert.equal(owned.status, 200)
  assert.equal(owned.body.customer.ownerId, me.body.user.id)

  await openPage(`#/pages/customer-detail/index?id=${target.id}`)
  await page.locator('#release').click()
  await page.getByText('确定', { exact: true }).filter({ visible: true }).click()
  let after
  for (let i = 0; i < 50; i++) {
    after = await api('GET', `/api/crm/customers/${target.id}`, token)
    if (after.status === 404 || after.body.customer.inPool)
      break
    await new Promise((r) => setTimeout(r, 100))
  }
  assert.ok(after.status === 404 || after.body.customer.inPool, 'the customer is back in the pool')
})

test('another rep\'s customer is not found for this rep', async () => {
  const mine = await api('GET', '/api/crm/customers?page=1&limit=100', token)
  const ids = new Set(mine.body.customers.map((c) => c.id))
  let other = 1
  while (ids.has(other))
    other++
  await openPage(`#/pages/customer-detail/index?id=${other}`)
  await page.locator('.empty', { hasText: '客户不存在或无权查看' }).waitFor()
  assert.equal(await page.locator('#customer-name').count(), 0)
})

test('the pipeline shows the server\'s open value; the tasks page completes a task', async () => {
  const customers = await api('GET', '/api/crm/customers?page=1&limit=1', token)
  const opportunity = await api('POST', '/api/crm/opportunities', token,
    { name: '年度采购', customerId: customers.body.customers[0].id, value: 128000 })
  assert.equal(opportunity.status, 201)
  const board = await api('GET', '/api/crm/pipeline', token)
  await openPage(`#/pages/pipeline/index`)
  await page.locator('#pipeline-value').waitFor()
  const shown = (await page.locator('#pipeline-value').innerText()).trim()
  assert.ok(shown.startsWith('¥'), shown)
  const open = board.body.totals.openValue
  assert.ok(open >= 128000, String(open))
  assert.equal(shown, '¥' + (open / 10000).toFixed(open % 10000 === 0 ? 0 : 1) + '万')
  await page.locator('.opportunity__name', { hasText: '年度采购' }).first().waitFor()
  await snap('pipeline')

  // Due now: always in today's view, whatever the hour the test runs at.
  const title = `回访：确认报价（${Date.now() % 100000}）`
  const created = await api('POST', '/api/crm/tasks', token, { title, dueDate: Date.now() })
  assert.equal(created.status, 201)
  await openPage(`#/pages/tasks/index`)
  const row = page.locator('.task', { hasText: title }).filter({ visible: true })
  await row.waitFor()
  await snap('tasks')
  await row.locator('.task__done').click()
  await row.waitFor({ state: 'detached' })
  const task = await api('GET', `/api/crm/tasks/${created.body.task.id}`, token)
  assert.equal(task.body.task.status, 'completed')
})

test('a task added on the tasks page is the rep\'s, with its reminder 30 minutes before it is due', async () => {
  await openPage(`#/pages/tasks/index`)
  await page.locator('#new-task').click()
  await page.locator('#task-title input').waitFor()
  const title = `准备投标材料（第 ${Date.now() % 100000} 号）` // the demo's own tasks have titles like this one
  await typeInto('#task-title', title)
  await page.locator('#save-task').click()
  await page.waitForURL(/#\/pages\/tasks\/index/)
  const open = await api('GET', '/api/crm/tasks?status=open&limit=100', token)
  const task = open.body.tasks.find((x) => x.title === title)
  assert.ok(task, 'the task is in the API')
  const me = await api('GET', '/api/me', token)
  assert.equal(task.assigneeId, me.body.user.id)
  assert.equal(Date.parse(task.dueDate) - Date.parse(task.reminderTime), 30 * 60000)
  // Due within the hour after now (at the full hour): in the next 7 days' view.
  await page.getByText('未来 7 天', { exact: true }).filter({ visible: true }).click()
  await page.locator('.task', { hasText: title }).filter({ visible: true }).waitFor()
})

test('editing a customer changes only what was edited, keeps the other phones, and never overwrites a change made meanwhile', async () => {
  const created = await api('POST', '/api/crm/customers', token, {
    name: `杭州西湖茶业有限公司${Date.now() % 100000}`,
    phones: [{ number: '13900139000', label: 'mobile', primary: true }, { number: '057188886666', label: 'office', primary: false }],
    source: 'store-walk-in'
  })
  assert.equal(created.status, 201)
  const id = created.body.customer.id
  await openPage(`#/pages/customer-detail/index?id=${id}`)
  await page.locator('#edit-customer').click()
  await page.locator('#field-phone input').waitFor()
  assert.equal(await page.locator('#field-phone input').inputValue(), '13900139000')
  await typeInto('#field-phone', '13700137000')
  await page.locator('#save-customer').click()
  await page.waitForURL(/customer-detail/)
  let after
  for (let i = 0; i < 50; i++) {
    after = await api('GET', `/api/crm/customers/${id}`, token)
    if (after.body.customer.phone === '13700137000')
      break
    await new Promise((r) => setTimeout(r, 100))
  }
  assert.deepEqual(after.body.customer.phones.map((p) => [p.number, p.primary]), [['13700137000', true], ['057188886666', false]])
  assert.equal(after.body.customer.source, 'store-walk-in')
  // The detail page shows the new number when it is shown again.
  await page.locator('.detail__field', { hasText: '13700137000' }).first().waitFor()

  // A colleague (here: the API with the same token) changes the source while the form is open.
  await page.locator('#edit-customer').click()
  await page.locator('#field-source input').waitFor()
  const meanwhile = await api('GET', `/api/crm/customers/${id}`, token)
  const res = await fetch(`${base}/api/crm/customers/${id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'If-Match': `"v${meanwhile.body.customer.version}"` },
    body: JSON.stringify({ source: 'douyin-feed' })
  })
  assert.equal(res.status, 200)
  await typeInto('#field-source', 'trade-fair')
  await page.locator('#save-customer').click()
  await page.locator('#form-error', { hasText: '该记录刚被他人修改' }).waitFor()
  await snap('customer-edit-conflict')
  assert.equal(await page.locator('#field-source input').inputValue(), 'douyin-feed')
  assert.equal((await api('GET', `/api/crm/customers/${id}`, token)).body.customer.source, 'douyin-feed')
})

test('the company\'s own fields are filled in on a new customer, typed as the server expects, and shown on its page', async () => {
  const defs = await api('GET', '/api/crm/custom-fields', token)
  assert.deepEqual(defs.body.fields.map((f) => f.key), ['budget', 'decision_maker', 'company_size', 'signing_intent', 'next_visit'])
  await openPage('#/pages/customer-form/index')
  await page.locator('#custom-budget input').waitFor()
  const name = `南京秦淮文旅发展有限公司${Date.now() % 100000}`
  await typeInto('#field-name', name)
  await typeInto('#custom-budget', '35.5')
  await typeInto('#custom-decision_maker', '王总')
  await page.locator('#custom-company_size').click()
  await pickerConfirm(2) // (none), 1-49人, 50-199人
  await page.locator('#custom-company_size', { hasText: '50-199人' }).waitFor()
  await page.locator('#custom-signing_intent').click()
  await snap('customer-custom-fields')
  await page.locator('#save-customer').click()
  await page.locator('#customer-name', { hasText: name }).waitFor()
  const found = await api('GET', `/api/crm/customers?page=1&limit=5&keyword=${encodeURIComponent(name)}`, token)
  const customer = await api('GET', `/api/crm/customers/${found.body.customers[0].id}`, token)
  assert.deepEqual(customer.body.customer.customFields,
    { budget: 35.5, decision_maker: '王总', company_size: '50-199人', signing_intent: true })
  await page.locator('.detail__field', { hasText: '预算（万元）' }).filter({ hasText: '35.5' }).waitFor()
  await page.locator('.detail__field', { hasText: '有签约意向' }).filter({ hasText: '是' }).waitFor()
})

test('a contact added on a customer\'s page is stored, edited to primary and deleted', async () => {
  const created = await api('POST', '/api/crm/customers', token, { name: `成都锦江餐饮管理有限公司${Date.now() % 100000}` })
  const id = created.body.customer.id
  const first = await api('POST', `/api/crm/customers/${id}/contacts`, token, { name: '刘洋', position: '店长', primary: true })
  assert.equal(first.status, 201)
  await openPage(`#/pages/customer-detail/index?id=${id}`)
  await page.locator('.contact__name', { hasText: '刘洋' }).waitFor()
  await page.locator('#add-contact').click()
  await page.locator('#contact-name input').waitFor()
  await typeInto('#contact-name', '陈静')
  await typeInto('#contact-position', '采购经理')
  await typeInto('#contact-phone', '13600136000')
  await page.locator('#save-contact').click()
  await page.locator('.contact__name', { hasText: '陈静' }).waitFor()
  await snap('customer-contacts', 2500)
  let listed = await api('GET', `/api/crm/customers/${id}/contacts`, token)
  const chen = listed.body.contacts.find((c) => c.name === '陈静')
  assert.ok(chen, 'the contact is in the API')
  assert.equal(chen.position, '采购经理')
  assert.equal(chen.phone, '13600136000')
  assert.equal(chen.primary, false)

  // Made primary: the server clears the first contact's primary flag.
  await page.locator('.contact', { hasText: '陈静' }).click()
  await page.locator('#contact-primary').waitFor()
  await page.locator('#contact-primary').click()
  await page.locator('#save-contact').click()
  await page.waitForURL(/customer-detail/)
  listed = await api('GET', `/api/crm/customers/${id}/contacts`, token)
  assert.deepEqual(listed.body.contacts.filter((c) => c.primary).map((c) => c.name), ['陈静'])

  await page.locator('.contact', { hasText: '陈静' }).click()
  await page.locator('#delete-contact').click()
  await page.getByText('确定', { exact: true }).filter({ visible: true }).click()
  await page.waitForURL(/customer-detail/)
  await page.locator('.contact__name', { hasText: '陈静' }).waitFor({ state: 'detached' })
  listed = await api('GET', `/api/crm/customers/${id}/contacts`, token)
  assert.deepEqual(listed.body.contacts.map((c) => c.name), ['刘洋'])
})

test('a pipeline card opens its opportunity, whose amount is edited exactly', async () => {
  const customers = await api('GET', '/api/crm/customers?page=1&limit=1', token)
  const name = `仓储系统扩容${Date.now() % 100000}`
  const created = await api('POST', '/api/crm/opportunities', token, { name, customerId: customers.body.customers[0].id, value: '50000' })
  assert.equal(created.status, 201)
  await openPage(`#/pages/pipeline/index`)
  await page.locator('.opportunity__name', { hasText: name }).first().click()
  await page.locator('#opportunity-name', { hasText: name }).waitFor()
  assert.equal((await page.locator('#opportunity-value').innerText()).trim(), '¥5万')
  await snap('opportunity')
  await page.locator('#edit-opportunity').click()
  await page.locator('#opportunity-value input').waitFor()
  await typeInto('#opportunity-value', '52300.10')
  await page.locator('#save-opportunity').click()
  await page.locator('#opportunity-value', { hasText: '5.2万' }).waitFor()
  const after = await api('GET', `/api/crm/opportunities/${created.body.opportunity.id}`, token)
  assert.equal(after.body.opportunity.value, 52300.1)
  assert.equal(after.body.opportunity.name, name)

  // Moved through the stage picker: its first entry is the next stage.
  const pipelines = await api('GET', '/api/crm/pipelines', token)
  const stages = pipelines.body.pipelines.find((p) => p.id === after.body.opportunity.pipelineId).stages
  const targets = stages.filter((s) => s.id !== after.body.opportunity.stageId)
  await page.locator('#move-opportunity').click()
  await pickerConfirm()
  await page.locator('#opportunity-stage', { hasText: '需求确认' }).waitFor()
  let moved = await api('GET', `/api/crm/opportunities/${created.body.opportunity.id}`, token)
  assert.equal(moved.body.opportunity.stageId, targets[0].id)

  // To the lost stage (the picker's last entry): the page asks why first.
  const lostTargets = stages.filter((s) => s.id !== targets[0].id)
  await page.locator('#move-opportunity').click()
  await pickerConfirm(lostTargets.findIndex((s) => s.kind === 'lost'))
  await page.locator('#loss-reason input').waitFor()
  await snap('opportunity-loss-reason')
  await typeInto('#loss-reason', '客户预算削减')
  await page.locator('#loss-confirm').click()
  await page.locator('#opportunity-stage', { hasText: '输单' }).waitFor()
  moved = await api('GET', `/api/crm/opportunities/${created.body.opportunity.id}`, token)
  assert.equal(moved.body.opportunity.status, 'lost')
  assert.equal(moved.body.opportunity.lossReason, '客户预算削减')
})

test('an opportunity\'s page lists what was logged on it, and a visit logged there is linked to it', async () => {
  const customers = await api('GET', '/api/crm/customers?page=1&limit=1', token)
  const customerId = customers.body.customers[0].id
  const created = await api('POST', '/api/crm/opportunities', token, { name: `门禁系统${Date.now() % 100000}`, customerId, value: '12000' })
  assert.equal(created.status, 201)
  const dealId = created.body.opportunity.id
  const onDeal = `演示了门禁方案 ${Date.now()}`
  const elsewhere = `客户问候 ${Date.now()}`
  assert.equal((await api('POST', '/api/crm/activities', token, { customerId, opportunityId: dealId, type: 'meeting', content: onDeal })).status, 201)
  assert.equal((await api('POST', '/api/crm/activities', token, { customerId, type: 'note', content: elsewhere })).status, 201)
  await openPage(`#/pages/opportunity/index?id=${dealId}`)
  await page.locator('.activity__content', { hasText: onDeal }).waitFor()
  assert.equal(await page.locator('.activity__content', { hasText: elsewhere }).count(), 0, 'only the deal\'s activities')

  const visit = `现场勘查，确认安装点位 ${Date.now()}`
  await page.locator('#log-visit').click()
  await typeInto('#log-text', visit)
  await page.locator('#log-save').click()
  await page.locator('.activity__content', { hasText: visit }).waitFor()
  const listed = await api('GET', `/api/crm/opportunities/${dealId}/activities?limit=5`, token)
  assert.equal(listed.status, 200)
  const logged = listed.body.activities.find((a) => a.content === visit)
  assert.ok(logged, 'the visit is on the deal in the API')
  assert.equal(logged.type, 'visit')
  assert.equal(logged.opportunityId, dealId)
  assert.equal(logged.customerId, customerId)
})

test('a lead added on the leads page is converted into the rep\'s customer', async () => {
  await openPage(`#/pages/customers/index`)
  await page.locator('#open-leads').click()
  await page.waitForURL(/#\/pages\/leads\/index/)
  await page.locator('#new-lead').filter({ visible: true }).click()
  await page.locator('#lead-name input').waitFor()
  const name = `赵磊${Date.now() % 100000}`
  await typeInto('#lead-name', name)
  await typeInto('#lead-company', `苏州工业园区赵氏电子${Date.now() % 100000}`)
  await typeInto('#lead-phone', '13500135000')
  await page.locator('#save-lead').click()
  await page.waitForURL(/#\/pages\/leads\/index/)
  const row = page.locator('.lead', { hasText: name }).filter({ visible: true })
  await row.waitFor()
  await snap('leads')
  const leads = await api('GET', '/api/crm/leads?status=new', token)
  const lead = leads.body.leads.find((l) => l.name === name)
  assert.ok(lead, 'the lead is in the API')
  await row.click()
  await page.locator('#convert-lead').click()
  await page.getByText('确定', { exact: true }).filter({ visible: true }).click()
  await page.waitForURL(/customer-detail/)
  await page.locator('#customer-name').waitFor()
  const converted = await api('GET', `/api/crm/leads/${lead.id}`, token)
  assert.equal(converted.body.lead.status, 'converted')
  const customer = await api('GET', `/api/crm/customers/${converted.body.lead.convertedCustomerId}`, token)
  const me = await api('GET', '/api/me', token)
  assert.equal(customer.body.customer.ownerId, me.body.user.id)
  assert.equal((await page.locator('#customer-name').innerText()).trim(), customer.body.customer.name)
  await page.locator('.contact__name', { hasText: name }).waitFor()
})

test('a task opened from the tasks page is renamed, keeps its own reminder distance, loses its reminder and is done', async () => {
  const due = new Date(Date.now() + 86400000)
  due.setHours(9, 0, 0, 0)
  const title = `寄送合同样本（${Date.now() % 100000}）`
  const created = await api('POST', '/api/crm/tasks', token, { title, dueDate: due.getTime(), reminderTime: due.getTime() - 60 * 60000 })
  assert.equal(created.status, 201)
  await openPage('#/pages/tasks/index')
  await page.getByText('未来 7 天', { exact: true }).filter({ visible: true }).click()
  await page.locator('.task', { hasText: title }).filter({ visible: true }).locator('.task__main').click()
  await page.locator('#task-title input').filter({ visible: true }).waitFor()
  assert.equal(await page.locator('#task-title input').filter({ visible: true }).inputValue(), title)
  await page.getByText('提前 60 分钟提醒', { exact: true }).waitFor()
  await snap('task-edit')
  await typeInto('#task-title', title + ' 加急')
  await page.locator('#save-task').filter({ visible: true }).click()
  await page.waitForURL(/#\/pages\/tasks\/index/)
  await page.locator('#save-task').waitFor({ state: 'detached' }) // the form's page has slid out
  let task = (await api('GET', `/api/crm/tasks/${created.body.task.id}`, token)).body.task
  assert.equal(task.title, title + ' 加急')
  assert.equal(Date.parse(task.dueDate), due.getTime()) // untouched
  assert.equal(Date.parse(task.reminderTime), due.getTime() - 60 * 60000)

  await page.locator('.task', { hasText: title }).filter({ visible: true }).locator('.task__main').click()
  await page.locator('#task-remind').filter({ visible: true }).waitFor()
  await page.locator('#task-remind').filter({ visible: true }).click()
  await page.locator('#save-task').filter({ visible: true }).click()
  await page.waitForURL(/#\/pages\/tasks\/index/)
  await page.locator('#save-task').waitFor({ state: 'detached' }) // the form's page has slid out
  task = (await api('GET', `/api/crm/tasks/${created.body.task.id}`, token)).body.task
  assert.equal(task.reminderTime, null)

  await page.locator('.task', { hasText: title }).filter({ visible: true }).locator('.task__main').click()
  await page.locator('#complete-task').filter({ visible: true }).click()
  await page.waitForURL(/#\/pages\/tasks\/index/)
  await page.locator('#save-task').waitFor({ state: 'detached' }) // the form's page has slid out
  task = (await api('GET', `/api/crm/tasks/${created.body.task.id}`, token)).body.task
  assert.equal(task.status, 'completed')
})

test('the tasks page shows the chosen view even when the first one answers late, and reads a long week to its end', async () => {
  // 35 tasks in 6 days (the page asks for 30 at a time), so the week needs a second page.
  const day = new Date(Date.now() + 6 * 86400000)
  day.setHours(8, 0, 0, 0)
  const made = []
  for (let i = 0; i < 35; i++) {
    const created = await api('POST', '/api/crm/tasks', token, { title: `回访第 ${i + 1} 家（批量）`, dueDate: day.getTime() + i * 60000 })
    assert.equal(created.status, 201)
    made.push(created.body.task.id)
  }
  const expected = []
  for (let after = null; ;) {
    const answer = await api('GET', `/api/crm/tasks?view=upcoming&days=7&tz=${encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)}&limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`, token)
    expected.push(...answer.body.tasks.map((x) => x.title))
    if (!answer.body.hasMore)
      break
    after = answer.body.next
  }
  assert.ok(expected.length > 35, `${expected.length} upcoming`)
  // Today's tasks are held back 1.5 s, so their answer comes after the week's the chip asks for.
  const slowToday = async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue() }
  await page.route(/\/api\/crm\/tasks\?.*view=today/, slowToday)
  const todayAnswered = page.waitForResponse(/\/api\/crm\/tasks\?.*view=today/)
  await openPage('#/pages/tasks/index')
  await page.getByText('未来 7 天', { exact: true }).filter({ visible: true }).click()
  await page.waitForFunction(() => document.querySelectorAll('.task__title').length === 30)
  await todayAnswered
  await page.waitForTimeout(200)
  await page.unroute(/\/api\/crm\/tasks\?.*view=today/, slowToday)
  assert.deepEqual(await page.locator('.task__title').allInnerTexts(), expected.slice(0, 30))
  for (let shown = 30; shown < expected.length;) {
    await page.mouse.wheel(0, 20000)
    const more = Math.min(expected.length, shown + 30)
    await page.waitForFunction((n) => document.querySelectorAll('.task__title').length === n, more)
    shown = more
  }
  assert.deepEqual(await page.locator('.task__title').allInnerTexts(), expected)
  await page.getByText('没有更多了', { exact: true }).filter({ visible: true }).waitFor()
  await page.mouse.wheel(0, -100000)
  for (const id of made)
    assert.equal((await api('DELETE', `/api/crm/tasks/${id}`, token)).status, 200)
})

test('a rep records a campaign answer with a score for their customer, as the manager added them', async () => {
  // The director puts two of the rep's customers into a running campaign (managers do this on the desktop).
  const director = (await api('POST', '/api/auth/login', null, { username: 'director', password })).body.token
  assert.ok(director, 'the demo director signs in')
  const running = await api('GET', '/api/crm/campaigns?status=active', token)
  assert.equal(running.status, 200)
  assert.ok(running.body.campaigns.length > 0, 'the demo has running campaigns')
  const campaign = running.body.campaigns[0]
  const mine = (await api('GET', '/api/crm/customers?page=1&limit=2&status=all&sortBy=name', token)).body.customers
  const added = await api('POST', `/api/crm/campaigns/${campaign.id}/participants`, director, { customerIds: mine.map((c) => c.id) })
  assert.equal(added.status, 200, JSON.stringify(added.body))

  await openPage('#/pages/me/index')
  await page.locator('#open-campaigns').click()
  await page.waitForURL(/#\/pages\/campaigns\/index/)
  await page.locator('.campaign', { hasText: campaign.name }).filter({ visible: true }).waitFor()
  // First the running campaigns with the rep's own customers in them, then all running ones.
  const withMine = await api('GET', '/api/crm/campaigns?status=active&mine=true', token)
  assert.ok(withMine.body.campaigns.some((c) => c.id === campaign.id), 'the campaign now has the rep\'s customers')
  assert.deepEqual(await page.locator('.campaign .customer__name').filter({ visible: true }).allInnerTexts(),
    withMine.body.campaigns.map((c) => c.name))
  await snap('campaigns')
  await page.locator('#campaigns-all').filter({ visible: true }).click()
  await page.waitForFunction((n) => document.querySelectorAll('.campaign').length >= n, running.body.campaigns.length)
  assert.deepEqual(await page.locator('.campaign .customer__name').filter({ visible: true }).allInnerTexts(),
    running.body.campaigns.map((c) => c.name))
  await page.locator('.campaign', { hasText: campaign.name }).filter({ visible: true }).click()
  await page.waitForURL(/#\/pages\/campaign\/index/)
  await page.locator('#campaign-name', { hasText: campaign.name }).waitFor()
  // What it brought so far, over the rep's own deals (reps read reports).
  const effect = (await api('GET', `/api/crm/campaigns/${campaign.id}`, token)).body.effect
  assert.ok(effect, 'the campaign says what it brought')
  await page.locator('.campaign__field', { hasText: '参与后成交' }).filter({ hasText: `${effect.wonDeals} 单` }).waitFor()

  // Only the rep's own customers in it, as the API lists them for the rep.
  const listed = (await api('GET', `/api/crm/campaigns/${campaign.id}/participants?limit=50`, token)).body.participants
  assert.ok(mine.every((c) => listed.some((p) => p.customerId === c.id)))
  await page.locator('.participant').first().waitFor()
  assert.deepEqual(await page.locator('.participant__name').allInnerTexts(), listed.map((p) => p.customerName))
  const before = (await api('GET', `/api/crm/campaigns/${campaign.id}`, token)).body.stats

  const target = mine[0]
  await page.locator('.participant', { hasText: target.name }).locator('.participant__name').click()
  await page.locator('#answer-converted').click()
  const said = `现场签约，订了两台（${Date.now() % 100000}）`
  await typeInto('#answer-text', said)
  await page.locator('#star-5').click()
  await snap('campaign-answer')
  await page.locator('#answer-save').click()
  await page.locator('#answer-save').waitFor({ state: 'detached' })
  const answered = (await api('GET', `/api/crm/campaigns/${campaign.id}/participants?limit=50`, token)).body.participants
    .find((p) => p.customerId === target.id)
  assert.equal(answered.status, 'converted')
  assert.equal(answered.response, said)
  assert.ok(answered.respondedAt)
  const scores = (await api('GET', `/api/crm/customers/${target.id}/feedback`, token)).body
  assert.equal(scores.feedback[0].score, 5)
  assert.equal(scores.feedback[0].campaignId, campaign.id)
  const after = (await api('GET', `/api/crm/campaigns/${campaign.id}`, token)).body.stats
  assert.equal(after.converted, before.converted + 1)
  await page.locator('#campaign-stats .campaign__number').nth(2).filter({ hasText: String(after.converted) }).waitFor()
})

test('a satisfaction score given on a customer\'s page is stored and summed up there', async () => {
  // One of the rep's customers nobody has scored yet (the demo scores some).
  const mine = (await api('GET', '/api/crm/customers?page=1&limit=20&status=all&sortBy=name', token)).body.customers
  let customer
  for (const c of mine.slice(2)) {
    if ((await api('GET', `/api/crm/customers/${c.id}/feedback`, token)).body.summary.count === 0) {
      customer = c
      break
    }
  }
  assert.ok(customer)
  await openPage(`#/pages/customer-detail/index?id=${customer.id}`)
  await page.locator('#rate').click()
  await page.locator('#log-save').click()
  await page.getByText('请选择满意度分数').waitFor() // no score chosen: nothing sent
  assert.equal((await api('GET', `/api/crm/customers/${customer.id}/feedback`, token)).body.summary.count, 0)
  await page.locator('#star-4').click()
  await typeInto('#log-text', '服务及时，报价清楚')
  await page.locator('#log-save').click()
  await page.locator('#score-summary', { hasText: '4.00 分 · 1 次评价' }).waitFor()
  await snap('customer-score')
  const stored = (await api('GET', `/api/crm/customers/${customer.id}/feedback`, token)).body
  assert.equal(stored.summary.count, 1)
  assert.equal(stored.feedback[0].score, 4)
  assert.equal(stored.feedback[0].comment, '服务及时，报价清楚')
  assert.equal(stored.feedback[0].campaignId, null)
  await page.locator('.feedback .stars', { hasText: '★★★★☆' }).waitFor()
})

// The phone's local day `days` from today, as the API writes dates (the browser runs in this zone too).
function localDay(days) {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

test('the analytics page shows where the rep\'s customers are and their industries, counted as the rep\'s own list, and the chosen period even when the first answer is late', async () => {
  // Every customer of the rep, as their own list pages them: the counts to expect.
  const mine = []
  for (let p = 1; ; p++) {
    const listed = await api('GET', `/api/crm/customers?page=${p}&limit=100&status=all`, token)
    assert.equal(listed.status, 200)
    mine.push(...listed.body.customers)
    if (!listed.body.hasMore)
      break
  }
  const tally = (key) => {
    const counts = new Map()
    for (const c of mine)
      counts.set((c[key] || '').trim(), (counts.get((c[key] || '').trim()) || 0) + 1)
    return counts
  }
  const answer = await api('GET', '/api/crm/analytics/customers?period=30d', token)
  assert.equal(answer.status, 200)
  const { distribution, engagement } = answer.body.metrics
  assert.equal(distribution.total, mine.length)
  assert.equal(engagement.total, mine.length)
  const provinces = tally('province')
  const industries = tally('industry')
  assert.ok(provinces.size > 8, 'the demo spreads a rep\'s customers over more than 8 provinces') // so "Other" is drawn
  for (const [rows, counts] of [[distribution.provinces, provinces], [distribution.industries, industries]])
    assert.deepEqual(new Map(rows.map((r) => [r.name, r.count])), counts)

  await openPage('#/pages/analytics/index')
  await page.locator('#mix-provinces .count-bar').first().waitFor()
  await snap('analytics-customers')
  // The 8 largest by name and count ("" as not recorded), the rest as one "Other" row.
  const shown = async (id) => {
    const names = await page.locator(`#${id} .count-bar__name`).allInnerTexts()
    const counts = await page.locator(`#${id} .count-bar__count`).allInnerTexts()
    return names.map((n, i) => [n.trim(), Number(counts[i])])
  }
  const expected = (rows) => {
    const top = rows.slice(0, 8).map((r) => [r.name || '（未填写）', r.count])
    const rest = rows.slice(8).reduce((n, r) => n + r.count, 0)
    return rest ? [...top, ['其他', rest]] : top
  }
  assert.deepEqual(await shown('mix-provinces'), expected(distribution.provinces))
  assert.deepEqual(await shown('mix-industries'), expected(distribution.industries))
  assert.ok((await shown('mix-provinces')).some(([name]) => name === '其他'))
  // Last contact: the rep's own buckets, "not contacted for 90+ days" among them; no per-rep rows for a rep.
  await page.locator('#engagement-older', { hasText: '超过 90 天未联系' }).waitFor()
  assert.equal(Number(await page.locator('#engagement-older .engagement__count').innerText()), engagement.older)
  assert.equal(Number(await page.locator('#engagement-never .engagement__count').innerText()), engagement.never)
  assert.equal(await page.locator('.engagement__owner').count(), 0)

  // A period tapped while the first figures are on their way (held back 1.5 s): the tiles are the
  // chosen period's, not whichever answer came last.
  const tz = encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)
  const month = (await api('GET', `/api/crm/analytics/sales?period=30d&tz=${tz}`, token)).body.metrics
  const year = (await api('GET', `/api/crm/analytics/sales?period=365d&tz=${tz}`, token)).body.metrics
  assert.notEqual(year.activities, month.activities)
  const monthUrl = /\/api\/crm\/analytics\/sales\?.*period=30d/
  const slowMonth = async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue() }
  await page.route(monthUrl, slowMonth)
  const monthAnswered = page.waitForResponse(monthUrl)
  await openPage('#/pages/analytics/index')
  await page.getByText('一年', { exact: true }).filter({ visible: true }).click()
  const activities = page.locator('.tile', { hasText: '跟进次数' }).locator('.tile__value')
  await page.waitForFunction((n) => [...document.querySelectorAll('.tile')].some((t) => t.textContent.includes('跟进次数') && t.textContent.includes(n)), String(year.activities))
  await monthAnswered
  await page.waitForTimeout(200)
  await page.unroute(monthUrl, slowMonth)
  assert.equal((await activities.innerText()).trim(), String(year.activities))
})

test('a deal closing tomorrow is under "closing soon" on the tasks page, one in 30 days is not, and a tap opens it', async () => {
  const me = (await api('GET', '/api/me', token)).body.user
  const customers = await api('GET', '/api/crm/customers?page=1&limit=1', token)
  const customerId = customers.body.customers[0].id
  const stamp = Date.now() % 100000
  const deal = async (name, days) => {
    const created = await api('POST', '/api/crm/opportunities', token, { name, customerId, value: '36000', expectedCloseDate: localDay(days) })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    return created.body.opportunity
  }
  const soon = await deal(`续签服务合同${stamp}`, 1)
  const later = await deal(`二期扩容${stamp}`, 30)
  const late = await deal(`门禁改造${stamp}`, -3)
  // The page's own question: the rep's open deals expected to close by a week from today, the earliest first.
  const listed = await api('GET', `/api/crm/opportunities?status=open&ownerId=${me.id}&expectedCloseTo=${localDay(7)}&sortBy=expectedCloseDate&limit=20`, token)
  assert.equal(listed.status, 200)
  const ids = listed.body.opportunities.map((o) => o.id)
  assert.ok(ids.includes(soon.id) && ids.includes(late.id) && !ids.includes(later.id))

  await openPage('#/pages/tasks/index')
  await page.locator('.closing', { hasText: soon.name }).waitFor()
  await snap('tasks-closing-soon')
  assert.deepEqual((await page.locator('.closing__name').allInnerTexts()).map((n) => n.trim()),
    listed.body.opportunities.slice(0, 5).map((o) => o.name))
  assert.equal(await page.locator('.closing', { hasText: later.name }).count(), 0)
  const soonRow = page.locator('.closing', { hasText: soon.name })
  assert.ok((await soonRow.innerText()).includes(`预计成交 ${localDay(1)}`))
  assert.ok((await soonRow.innerText()).includes(customers.body.customers[0].name))
  assert.ok((await soonRow.locator('.closing__value').innerText()).includes('3.6万'))
  await page.locator('.closing', { hasText: late.name }).locator('.closing__late', { hasText: '已逾期 3 天' }).waitFor()
  assert.equal(await soonRow.locator('.closing__late').count(), 0)

  await soonRow.click()
  await page.waitForURL(/#\/pages\/opportunity\/index/)
  await page.locator('#opportunity-name', { hasText: soon.name }).waitFor()
})

// The rep signed in on a phone of its own whose sign-in answer leaves out the permissions `without`: the
// role the app sees is that answer's (session can()), as for a custom role made on the desktop (the demo
// has only the built-in roles, and a rep's has every permission checked here). The server still
// answers with the rep's token, so the pages load as the rep's.
async function signedInWithout(without) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true })
  await context.route('**/api/auth/login', async (route) => {
    const response = await route.fetch()
    const body = await response.json()
    if (body.user)
      body.user.permissions = body.user.permissions.filter((p) => !without.includes(p))
    await route.fulfill({ response, json: body })
  })
  const phone = await context.newPage()
  await phone.goto(`${base}/m/`)
  await phone.locator('#username input').fill(rep)
  await phone.locator('#password input').fill(password)
  await phone.locator('#sign-in').click()
  await phone.waitForURL(/#\/pages\/customers\/index/)
  return { context, phone }
}

test('the pool, tasks, leads, customers and pipeline offer only the actions the role may take', async () => {
  const me = (await api('GET', '/api/me', token)).body.user
  for (const p of ['pool.claim', 'task.write', 'lead.write', 'customer.write', 'opportunity.write'])
    assert.ok(me.permissions.includes(p), `a rep has ${p}`)
  const stamp = Date.now() % 100000
  const task = await api('POST', '/api/crm/tasks', token, { title: `核对发票（${stamp}）`, dueDate: Date.now() })
  assert.equal(task.status, 201)
  const lead = await api('POST', '/api/crm/leads', token, { name: `孙悦${stamp}`, phone: '13400134000' })
  assert.equal(lead.status, 201)

  // What each page shows a session missing `without`: the buttons are there exactly when `shown`.
  const check = async (without, shown) => {
    const { context, phone } = await signedInWithout(without)
    const count = async (selector) => phone.locator(selector).filter({ visible: true }).count()
    const expect = async (selector, what) => {
      const n = await count(selector)
      assert.ok(shown ? n > 0 : n === 0, `${what}: ${n} shown without [${without}]`)
    }
    // A record's form opens for a role that may only read it too: the same fields, disabled, no save.
    const expectForm = async (field, value, what) => {
      await phone.locator(`${field} input`).filter({ visible: true }).waitFor()
      assert.equal(await phone.locator(`${field} input`).filter({ visible: true }).inputValue(), value)
      const inputs = await phone.locator('.form input, .form textarea').filter({ visible: true }).all()
      assert.ok(inputs.length > 1, `${what}'s form has its fields`)
      for (const input of inputs)
        assert.equal(await input.isDisabled(), !shown, `${what}'s fields disabled without [${without}]`)
    }
    try {
      await phone.locator('.customer__name').first().waitFor()
      await expect('#new-customer', 'new customer')

      await openPage('#/pages/pool/index', phone)
      await phone.locator('.pool__item').first().waitFor()
      await expect('.pool__claim', 'claim')

      await openPage('#/pages/tasks/index', phone)
      const row = phone.locator('.task', { hasText: task.body.task.title }).filter({ visible: true })
      await row.waitFor()
      await expect('.task__done', 'complete')
      await expect('#new-task', 'new task')
      await row.locator('.task__main').click()
      await expectForm('#task-title', task.body.task.title, 'task')
      await expect('#save-task', 'save task')
      await expect('#complete-task', 'complete task')

      await openPage('#/pages/leads/index', phone)
      await phone.locator('.lead', { hasText: lead.body.lead.name }).filter({ visible: true }).waitFor()
      await expect('#new-lead', 'new lead')
      await phone.locator('.lead', { hasText: lead.body.lead.name }).filter({ visible: true }).click()
      await expectForm('#lead-name', lead.body.lead.name, 'lead')
      await expect('#save-lead', 'save lead')
      await expect('#convert-lead', 'convert lead')

      await openPage('#/pages/pipeline/index', phone)
      await phone.locator('#pipeline-value').waitFor()
      await phone.locator('.opportunity__name').first().waitFor()
      await expect('.opportunity__move', 'move')
    } finally {
      await context.close()
    }
  }
  await check([], true)
  await check(['pool.claim', 'task.write', 'lead.write', 'customer.write', 'opportunity.write'], false)

  // A lead is converted into a customer, its contact and an opportunity: a role that may edit leads
  // but not create deals keeps the lead's form, without the convert button.
  for (const [without, convertible] of [[[], true], [['opportunity.write'], false]]) {
    const { context, phone } = await signedInWithout(without)
    try {
      await openPage(`#/pages/lead-form/index?id=${lead.body.lead.id}`, phone)
      await phone.locator('#save-lead').waitFor()
      assert.equal(await phone.locator('#convert-lead').count(), convertible ? 1 : 0, `convert without [${without}]`)
    } finally {
      await context.close()
    }
  }
  assert.equal((await api('DELETE', `/api/crm/tasks/${task.body.task.id}`, token)).status, 200)
})

test('signing out revokes the token on the server', async () => {
  await openPage(`#/pages/me/index`)
  await page.locator('#sign-out').click()
  await page.waitForURL(/#\/pages\/login\/index/)
  assert.equal(await appToken(), '')
  assert.equal((await api('GET', '/api/me', token)).status, 401)
})

test('on an English phone the app speaks English: sign-in, title bar, tab bar and statuses', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', isMobile: true, hasTouch: true })
  const en = await context.newPage()
  try {
    await en.goto(`${base}/m/`)
    await en.locator('#sign-in', { hasText: 'Sign in' }).waitFor()
    await en.locator('#username input').fill(rep)
    await en.locator('#password input').fill(password)
    await en.locator('#sign-in').click()
    await en.waitForURL(/#\/pages\/customers\/index/)
    await en.locator('.customer__name').first().waitFor()
    await en.waitForFunction(() => document.title === 'Customers')
    await en.locator('.weui-tabbar__label', { hasText: 'Pipeline' }).waitFor()
    await en.locator('.chip', { hasText: 'Prospect' }).waitFor()
    await en.locator('#open-leads', { hasText: 'Leads' }).click()
    await en.waitForFunction(() => document.title === 'Leads')
  } finally {
    await context.close()
  }
})
