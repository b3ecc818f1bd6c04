// Runs kinesalite 3.3.3's own mocha suite (test/, vendored with its MIT licence) against a Kinesis
// endpoint on 127.0.0.1 and checks every outcome against classification.json.
//
//   node suite.mjs --bin target/release/endpoint [--speed 1] [--no-limits]   the playground's endpoint
//   node suite.mjs --kinesalite                                              baseline: kinesalite 3.3.3
//   node suite.mjs ... --grep 'putRecords'                                   a subset (mocha --grep)
//   node suite.mjs ... --write                                               add unexplained failures to
//                                                                           classification.json as "unclassified"
//
// Lifecycle:
//   1. pick a free port, start the target there, wait until it accepts connections;
//   2. run mocha (test/*.js) with KINESIS_ENDPOINT=http://127.0.0.1:<port> and reporter.js, which
//      writes every test's outcome to a JSON file;
//   3. compare (endpoint only; the kinesalite baseline must simply pass everything):
//        failed + "ours-fixed"                                  → regression (exit 1)
//        failed + kinesalite-outdated/simplification/not-applicable → explained
//        failed + no entry or "unclassified"                    → unexplained (exit 1)
//        passed + any class other than "ours-fixed"             → stale entry (exit 1)
//        entry whose test did not run (full runs only)          → stale entry (exit 1)
//   4. print one summary line; stop the target.

import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync, mkdtempSync, rmSync, readdirSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const CLASSIFICATION = join(here, 'classification.json')
const CLASSES = ['ours-fixed', 'kinesalite-outdated', 'simplification', 'not-applicable', 'unclassified']
const EXPECTED_FAILURE = new Set(['kinesalite-outdated', 'simplification', 'not-applicable'])

function usage(msg) {
  if (msg) console.error(`suite: ${msg}`)
  console.error('usage: node suite.mjs (--bin PATH [--speed N] [--no-limits] | --kinesalite) [--grep RE] [--timeout MS] [--write]')
  process.exit(2)
}

function parseArgs(argv) {
  const args = { speed: '1', write: false, noLimits: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`))
    if (a === '--bin') args.bin = resolve(value())
    else if (a === '--speed') args.speed = value()
    else if (a === '--kinesalite') args.kinesalite = true
    else if (a === '--grep') args.grep = value()
    else if (a === '--timeout') args.timeout = value()
    else if (a === '--write') args.write = true
    else if (a === '--no-limits') args.noLimits = true
    else usage(`unknown argument ${a}`)
  }
  if (!!args.bin === !!args.kinesalite) usage('give exactly one of --bin PATH and --kinesalite')
  return args
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer()
    server.on('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => ok(port))
    })
  })
}

function accepts(port) {
  return new Promise((ok) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.on('connect', () => { socket.destroy(); ok(true) })
    socket.on('error', () => ok(false))
  })
}

async function startTarget(args, port) {
  const [cmd, argv] = args.kinesalite
    ? [process.execPath, [join(here, 'node_modules/kinesalite/cli.js'), '--port', String(port)]]
    : [args.bin, ['--port', String(port), '--speed', args.speed, ...(args.noLimits ? ['--no-limits'] : [])]]
  const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000) })
  let exited = null
  child.on('exit', (code, signal) => { exited = signal || code })
  for (let i = 0; i < 300; i++) {
    if (exited !== null) throw new Error(`${cmd} exited (${exited}) before listening:\n${stderr}`)
    if (await accepts(port)) return child
    await new Promise((ok) => setTimeout(ok, 100))
  }
  child.kill()
  throw new Error(`${cmd} did not listen on 127.0.0.1:${port} within 30 s:\n${stderr}`)
}

function runMocha(args, port, resultsFile) {
  // Upstream runs with 4 s per test against kinesalite and 30 s against AWS (REMOTE); the
  // endpoint's CREATING/UPDATING/DELETING delays are AWS-like, so it gets AWS's 30 s.
  const timeout = args.timeout || (args.kinesalite ? '4000' : '30000')
  const files = readdirSync(join(here, 'test')).filter((f) => f.endsWith('.js')).sort().map((f) => join('test', f))
  const argv = [join(here, 'node_modules/mocha/bin/mocha'), '--require', 'should', '--reporter', join(here, 'reporter.js'),
    '-t', timeout, ...(args.grep ? ['--grep', args.grep] : []), ...files]
  return new Promise((ok) => {
    const child = spawn(process.execPath, argv, {
      cwd: here,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, KINESIS_ENDPOINT: `http://127.0.0.1:${port}`, SUITE_RESULTS: resultsFile, REMOTE: '' },
    })
    child.on('exit', (code) => ok(code))
  })
}

function loadClassification() {
  const data = JSON.parse(readFileSync(CLASSIFICATION, 'utf8'))
  for (const [title, entry] of Object.entries(data.tests)) {
    if (!CLASSES.includes(entry.class)) throw new Error(`classification.json: "${title}" has unknown class ${entry.class}`)
    if (!entry.reason) throw new Error(`classification.json: "${title}" has no reason`)
    if (entry.class === 'kinesalite-outdated' && !/^https:\/\/docs\.aws\.amazon\.com\//.test(entry.aws || ''))
      throw new Error(`classification.json: "${title}" is kinesalite-outdated without an AWS doc URL in "aws"`)
    if (entry.class === 'simplification' && !/README\.md/.test(entry.readme || ''))
      throw new Error(`classification.json: "${title}" is a simplification without a README.md pointer in "readme"`)
  }
  return data
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const classification = loadClassification()
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'kinesalite-suite-'))
  const resultsFile = join(dir, 'results.json')
  const target = await startTarget(args, port)
  let results, planned
  try {
    await runMocha(args, port, resultsFile)
    ;({ total: planned, results } = JSON.parse(readFileSync(resultsFile, 'utf8')))
  } finally {
    target.kill()
    rmSync(dir, { recursive: true, force: true })
  }

  // A test may report more than once (a late callback failing after it passed): its first
  // failure wins.
  const outcome = new Map()
  for (const r of results) {
    const seen = outcome.get(r.title)
    if (!seen || (seen.state !== 'failed' && r.state === 'failed')) outcome.set(r.title, r)
  }
  const all = [...outcome.values()]
  const passed = all.filter((r) => r.state === 'passed')
  const failed = all.filter((r) => r.state === 'failed')
  const pending = all.filter((r) => r.state === 'pending')
  const name = args.kinesalite ? 'kinesalite 3.3.3' : `endpoint (speed ${args.speed})`
  const incomplete = all.length < planned ? [`incomplete run: mocha planned ${planned} tests and reported ${all.length}`] : []

  if (args.kinesalite) {
    for (const r of failed) console.error(`\nFAILED (baseline) ${r.title}\n  ${r.error}`)
    for (const p of incomplete) console.error(`\n${p}`)
    console.log(`kinesalite suite vs ${name}: ${all.length} tests, ${passed.length} passed, ${failed.length} failed, ${pending.length} pending`)
    process.exit(failed.length || incomplete.length ? 1 : 0)
  }

  const tests = classification.tests
  const counts = Object.fromEntries(CLASSES.map((c) => [c, 0]))
  const problems = [...incomplete]
  for (const r of failed) {
    const entry = tests[r.title]
    if (entry && EXPECTED_FAILURE.has(entry.class)) { counts[entry.class]++; continue }
    if (entry && entry.class === 'ours-fixed') problems.push(`regression (ours-fixed): ${r.title}\n  ${r.error}`)
    else {
      problems.push(`unexplained failure: ${r.title} [${r.file}]\n  ${r.error}`)
      if (args.write && !entry) tests[r.title] = { class: 'unclassified', reason: r.error.split('\n')[0].slice(0, 300) }
    }
  }
  for (const r of passed) {
    const entry = tests[r.title]
    if (entry && entry.class === 'ours-fixed') counts['ours-fixed']++
    else if (entry) problems.push(`stale entry (${entry.class}, but the test passes): ${r.title}`)
  }
  if (!args.grep) {
    for (const title of Object.keys(tests))
      if (!outcome.has(title)) problems.push(`stale entry (no such test ran): ${title}`)
  }
  if (args.write) writeFileSync(CLASSIFICATION, JSON.stringify(classification, null, 2) + '\n')

  for (const p of problems) console.error(`\n${p}`)
  const explained = [...EXPECTED_FAILURE].map((c) => `${counts[c]} ${c}`).join(', ')
  console.log(`kinesalite suite vs ${name}: ${all.length} tests, ${passed.length} passed (${counts['ours-fixed']} ours-fixed), ` +
    `${failed.length} failed (${explained}), ${pending.length} pending, ${problems.length} problems`)
  process.exit(problems.length ? 1 : 0)
}

main().catch((err) => { console.error(`suite: ${err.stack || err}`); process.exit(1) })
