// The WeChat build compiles: every page of app.config.ts becomes a mini program page (js, json,
// wxml), the tab bar's icons are PNG files in the package (WeChat takes no SVG there), and the
// API's address given at build time is what the app calls. WeChat itself cannot run here; the H5
// test (h5.e2e.test.mjs) drives the same pages in a browser.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'dist', 'weapp')
const baseUrl = 'https://crm.example.test'

test('the WeChat build has every page, the tab icons and the API address', () => {
  const build = spawnSync('npm', ['run', '--silent', 'build:weapp'], {
    cwd: root, encoding: 'utf8', env: { ...process.env, TARO_APP_API_BASE_URL: baseUrl }
  })
  assert.equal(build.status, 0, build.stdout + build.stderr)
  const app = JSON.parse(readFileSync(join(out, 'app.json'), 'utf8'))
  const config = readFileSync(join(root, 'src', 'app.config.ts'), 'utf8')
  const list = config.slice(config.indexOf('pages: ['), config.indexOf(']'))
  const pages = [...list.matchAll(/'(pages\/[a-z-]+\/index)'/g)].map((m) => m[1])
  assert.ok(pages.length >= 10, `pages in app.config.ts: ${pages.length}`)
  assert.deepEqual(app.pages, pages)
  for (const page of pages)
    for (const ext of ['js', 'json', 'wxml']) // a .wxss only for a page with styles of its own
      assert.ok(existsSync(join(out, `${page}.${ext}`)), `${page}.${ext}`)
  assert.equal(app.tabBar.list.length, 5)
  for (const tab of app.tabBar.list)
    for (const icon of [tab.iconPath, tab.selectedIconPath]) {
      assert.match(icon, /\.png$/)
      const png = readFileSync(join(out, icon))
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', icon)
    }
  const scripts = readdirSync(out).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(out, f), 'utf8')).join('\n')
  assert.ok(scripts.includes(baseUrl), 'the API address is built in')
})
