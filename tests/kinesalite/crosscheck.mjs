#!/usr/bin/env node
// Tier (c): the kinesalite cross-check.
//
// Runs every case of cases.mjs against two peers and compares their normalised results:
//
//   cases.mjs ──► substitute $vars per peer ──► kinesalite 3.3.3 (HTTP, 127.0.0.1, in-process)
//                                          └──► engine replay runner (JSON lines on stdin/stdout)
//             ◄── normalise both (normalise.mjs), engine allow-list, compare, report
//
// Lifecycle:
//   1. start kinesalite on a free loopback port (state changes take 0 ms of wall time);
//   2. spawn the replay runner ($REPLAY_BIN, default ../../target/release/examples/replay);
//   3. for each case, for each step: run it on both peers, save variables, settle
//      (kinesalite: poll DescribeStream; engine: move the virtual clock 30 s), compare;
//   4. print `ok <case>` or a diff per case, then one summary line; exit 1 on any mismatch.
//
// Usage: node crosscheck.mjs [--case SUBSTR]... [--verbose]
//          [--self]             harness self-test: a second kinesalite stands in for the engine
//          [--kinesalite-only]  run kinesalite alone and print its normalised results

import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {createInterface} from 'node:readline'
import {fileURLToPath} from 'node:url'
import {cases} from './cases.mjs'
import {applyAllowList, deepDiff, matches, normalise} from './normalise.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const ACCOUNT = '000000000000'
const REGION = 'us-east-1'
/** Virtual milliseconds between two engine steps: keeps every per-second API limit unreached. */
const STEP_MS = 250
/** Virtual milliseconds the engine gets to finish CREATING, UPDATING or DELETING (at most 30 s). */
const SETTLE_MS = 30000
/** Wall-clock limit for one call to either peer. */
const CALL_TIMEOUT_MS = 15000
/** Operations that change a stream's status, and the status that ends them. */
const SETTLING = {
  CreateStream: 'ACTIVE',
  SplitShard: 'ACTIVE',
  MergeShards: 'ACTIVE',
  UpdateShardCount: 'ACTIVE',
  DeleteStream: 'GONE',
}

/**
 * Fields the engine returns because current AWS has them and kinesalite 3.3.3 does not. They are
 * removed from the engine's side only, and only where kinesalite's response lacks them.
 */
export const ENGINE_ALLOW_LIST = [
  // Since the on-demand capacity mode (2021), Describe* report the mode: {StreamMode: PROVISIONED}.
  {op: 'DescribeStream', path: 'response.StreamDescription.StreamModeDetails'},
  {op: 'DescribeStreamSummary', path: 'response.StreamDescriptionSummary.StreamModeDetails'},
  // AWS reports the KMS key only for encrypted streams; kept if the engine sends it.
  {op: 'DescribeStream', path: 'response.StreamDescription.KeyId'},
  {op: 'DescribeStreamSummary', path: 'response.StreamDescriptionSummary.KeyId'},
  // Enhanced fan-out consumers (2018): the summary counts them. Kinesalite 3.3.3 has it as 0.
  {op: 'DescribeStreamSummary', path: 'response.StreamDescriptionSummary.ConsumerCount'},
  // The 2025 model reports the configurable record size limit in the summary.
  {op: 'DescribeStreamSummary', path: 'response.StreamDescriptionSummary.MaxRecordSizeInKiB'},
  // Server-side encryption (2017): reads report KMS records' encryption type. PutRecord and
  // PutRecords answer EncryptionType only on an encrypted stream (kinesalite's AWS-validated
  // tests compare the whole body), which no case uses, so they are compared as they are.
  {op: 'GetRecords', path: 'response.Records.*.EncryptionType'},
  // Since 2020 GetRecords lists the children when a read reaches the end of a closed shard.
  {op: 'GetRecords', path: 'response.ChildShards'},
  // ListStreams pages with NextToken and lists StreamSummaries (2022) besides StreamNames.
  {op: 'ListStreams', path: 'response.StreamSummaries'},
  {op: 'ListStreams', path: 'response.NextToken'},
  // ListShards pages with NextToken; kinesalite never pages.
  {op: 'ListShards', path: 'response.NextToken'},
]

// ---------------------------------------------------------------------------------------------
// Peers

/** Kinesalite 3.3.3 on 127.0.0.1, in this process; every state change takes 0 ms. */
class KinesalitePeer {
  constructor(label) {
    this.label = label
  }

  async start() {
    // Kinesalite reads the account and region from the environment when it creates its store.
    process.env.AWS_ACCOUNT_ID = ACCOUNT
    process.env.AWS_REGION = REGION
    let kinesalite
    try {
      kinesalite = (await import('kinesalite')).default
    } catch (e) {
      fail(`cannot load kinesalite from ${HERE}/node_modules (${e.code || e.message}); run \`make setup\``)
    }
    this.server = kinesalite({createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 20000})
    await new Promise((ok, ko) => this.server.listen(0, '127.0.0.1', ok).on('error', ko))
    this.url = `http://127.0.0.1:${this.server.address().port}/`
  }

  async call(op, request) {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `Kinesis_20131202.${op}`,
        'X-Amz-Date': new Date().toISOString().replace(/[-:]|\.\d{3}/g, ''),
        // Kinesalite checks that these parts exist; it never verifies a signature.
        'Authorization': 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20200101/us-east-1/kinesis/aws4_request, ' +
          'SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0',
      },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    })
    const text = await res.text()
    let body
    try {
      body = text ? JSON.parse(text) : {}
    } catch {
      return {error: {__type: `HTTP ${res.status}`, body: text}}
    }
    return res.status === 200 ? {response: body} : {error: body}
  }

  /** Polls DescribeStream until the operation's end status is reached. */
  async settle(op, request) {
    const want = SETTLING[op]
    const deadline = Date.now() + CALL_TIMEOUT_MS
    for (;;) {
      const r = await this.call('DescribeStream', {StreamName: request.StreamName})
      if (want === 'GONE' && r.error && r.error.__type === 'ResourceNotFoundException') break
      if (want !== 'GONE' && r.response && r.response.StreamDescription.StreamStatus === want) break
      if (Date.now() > deadline) throw new Error(`${request.StreamName} did not become ${want}`)
      await sleep(5)
    }
    // Children of a split or merge are created 1000 ms after their parents close. Kinesalite's
    // first record in an unused seqIx group gets seqIx 1 while that time is still ahead, 0 after
    // it; the engine's clock is 30 s past it by now, so wait until kinesalite's is past it too.
    if (op === 'SplitShard' || op === 'MergeShards') await sleep(1100)
  }

  async wait(ms) {
    await sleep(ms)
  }

  async stop() {
    if (this.server) {
      this.server.closeAllConnections?.()
      await new Promise((ok) => this.server.close(() => ok()))
    }
  }
}

/** The engine's replay runner: one JSON line in, one JSON line out, on a virtual clock. */
class ReplayPeer {
  constructor(bin) {
    this.label = 'engine'
    this.bin = bin
    this.atMs = 0
    this.pending = []
    this.stderr = ''
    this.exited = null
  }

  async start() {
    if (!existsSync(this.bin)) {
      fail(`replay runner not found at ${this.bin}; build it with \`cargo build --release --example replay\` ` +
        'or set REPLAY_BIN')
    }
    this.child = spawn(this.bin, [], {stdio: ['pipe', 'pipe', 'pipe']})
    children.add(this.child)
    this.child.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000) })
    this.child.stdin.on('error', () => {}) // reported through 'exit' instead
    this.child.on('exit', (code, signal) => {
      children.delete(this.child)
      this.exited ??= `replay runner exited (code ${code}, signal ${signal}); stderr: ${this.stderr.trim() || '(empty)'}`
      for (const p of this.pending.splice(0)) p.reject(new Error(this.exited))
    })
    this.child.on('error', (e) => {
      this.exited = `cannot run ${this.bin}: ${e.message}`
      for (const p of this.pending.splice(0)) p.reject(new Error(this.exited))
    })
    createInterface({input: this.child.stdout}).on('line', (line) => {
      const p = this.pending.shift()
      if (!p) return
      try {
        p.resolve(JSON.parse(line))
      } catch {
        p.resolve({error: {__type: 'UnparsableReplayLine', line}})
      }
    })
  }

  call(op, request) {
    if (this.exited) return Promise.reject(new Error(this.exited))
    const line = JSON.stringify({at_ms: this.atMs, op, request}) + '\n'
    this.atMs += STEP_MS
    return new Promise((resolve, reject) => {
      // A lost answer desynchronises the line protocol for good: stop the runner.
      const timer = setTimeout(() => this.abandon(`no answer from the replay runner within ${CALL_TIMEOUT_MS} ms`),
        CALL_TIMEOUT_MS)
      this.pending.push({
        resolve: (v) => { clearTimeout(timer); resolve(v) },
        reject: (e) => { clearTimeout(timer); reject(e) },
      })
      this.child.stdin.write(line)
    })
  }

  abandon(reason) {
    this.exited = `${reason}; stderr: ${this.stderr.trim() || '(empty)'}`
    for (const p of this.pending.splice(0)) p.reject(new Error(this.exited))
    this.child.kill()
  }

  async settle() {
    this.atMs += SETTLE_MS
  }

  async wait(ms) {
    this.atMs += ms
  }

  async stop() {
    if (this.child && !this.exited) {
      this.child.stdin.end()
      this.child.kill()
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Running a case

/** Reads `A.B[0].C` from a value. */
function getPath(value, path) {
  let v = value
  for (const seg of path.match(/[^.[\]]+/g)) {
    if (v == null) return undefined
    v = v[/^\d+$/.test(seg) ? Number(seg) : seg]
  }
  return v
}

/** Replaces `$name` (whole string, any type) and `${name}` (inside a string) by the peer's values. */
function substitute(value, vars) {
  if (typeof value === 'string') {
    const whole = /^\$([A-Za-z_]\w*)$/.exec(value)
    if (whole) {
      if (!(whole[1] in vars)) throw new Error(`variable $${whole[1]} is not set`)
      return vars[whole[1]]
    }
    return value.replace(/\$\{(\w+)\}/g, (_, name) => {
      if (!(name in vars)) throw new Error(`variable \${${name}} is not set`)
      return vars[name]
    })
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)]))
  }
  return value
}

/** Runs one step on one peer; returns `{request, result}` or `{request, failure}`. */
async function runOn(peer, vars, step) {
  let request
  try {
    request = substitute(step.req, vars)
  } catch (e) {
    return {failure: e.message}
  }
  let result
  try {
    result = await peer.call(step.op, request)
  } catch (e) {
    return {request, failure: e.message}
  }
  const failures = []
  for (const [name, path] of Object.entries(step.save || {})) {
    const v = getPath(result.response, path)
    if (v === undefined) failures.push(`cannot save $${name}: ${path} is absent`)
    else vars[name] = v
  }
  if (SETTLING[step.op] && result.response) {
    try {
      await peer.settle(step.op, request)
    } catch (e) {
      failures.push(e.message)
    }
  }
  return {request, result, failure: failures.join('; ') || undefined}
}

/**
 * Replaces each `seq(shardIx=X, seqIx=Y)` token by `seq(shardIx=X, rank=R)`, R being Y's rank among
 * the seqIx values of shard X in the same response: the order inside each shard is kept, the
 * absolute counter values (which depend on the cross-shard processing order) are not.
 */
function seqIxRanks(value) {
  const text = JSON.stringify(value)
  const re = /seq\(shardIx=(-?\d+), seqIx=(\d+)\)/g
  const perShard = new Map()
  for (const [, shard, ix] of text.matchAll(re)) {
    if (!perShard.has(shard)) perShard.set(shard, new Set())
    perShard.get(shard).add(BigInt(ix))
  }
  const ranks = new Map()
  for (const [shard, set] of perShard) {
    const sorted = [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    sorted.forEach((ix, r) => ranks.set(`${shard}/${ix}`, r))
  }
  return JSON.parse(text.replace(re, (_, shard, ix) => `seq(shardIx=${shard}, rank=${ranks.get(`${shard}/${BigInt(ix)}`)})`))
}

/** Applies a step's `adjust`: drops top-level response fields, masks parts of an error message. */
function adjusted(result, adjust) {
  if (!result) return result
  let out = {...result}
  if (adjust.seqIxRank) out = seqIxRanks(out)
  if (out.response && adjust.ignore) {
    out.response = {...out.response}
    for (const k of adjust.ignore) delete out.response[k]
  }
  if (out.error && adjust.mask && typeof out.error.message === 'string') {
    out.error = {...out.error, message: out.error.message.replace(new RegExp(adjust.mask, 'g'), '<masked>')}
  }
  return out
}

/** Runs a case on both peers; returns the list of problems (empty when everything matched). */
async function runCase(c, left, right, opts) {
  const stream = `xc-${c.name}`
  const vars = {left: {S: stream}, right: {S: stream}}
  const problems = []
  let steps = 0
  let divergences = 0
  for (const [i, step] of c.steps.entries()) {
    const where = `step ${i + 1}`
    if (step.wait_ms != null) {
      await left.wait(step.wait_ms)
      if (right) await right.wait(step.wait_ms)
      continue
    }
    steps++
    const l = await runOn(left, vars.left, step)
    if (!right) {
      console.log(`  ${where} ${step.op} ${short(JSON.stringify(l.request))}`)
      console.log(`    ${l.failure ? 'FAILURE ' + l.failure : short(JSON.stringify(normalise(l.result)), 3000)}`)
      continue
    }
    const r = await runOn(right, vars.right, step)
    const header = `${where}: ${step.op} ${short(JSON.stringify(l.request ?? step.req))}` +
      (JSON.stringify(l.request) !== JSON.stringify(r.request) ? `\n    ${right.label} request: ${short(JSON.stringify(r.request))}` : '')
    if (l.failure || r.failure) {
      problems.push(`${header}\n    ${[l.failure && `${left.label}: ${l.failure}`, r.failure && `${right.label}: ${r.failure}`]
        .filter(Boolean).join('\n    ')}${rawLines(l, r, left, right)}`)
      if (right.exited) break
      if (!l.result || !r.result) continue
    }
    let rightResult = r.result
    if (right.label === 'engine') {
      rightResult = applyAllowList(r.result, l.result, step.op, ENGINE_ALLOW_LIST, opts.dropped)
    }
    let ln = normalise(l.result)
    let rn = normalise(rightResult)
    if (step.divergence) {
      divergences++
      const d = step.divergence
      const checks = [[left, ln, d.kinesalite, vars.left], [right, rn, right.label === 'engine' ? d.engine : d.kinesalite, vars.right]]
      for (const [peer, got, want, peerVars] of checks) {
        if (want !== undefined && !matches(got, substitute(want, peerVars))) {
          problems.push(`${header}\n    documented divergence (${d.why}):\n    ${peer.label} expected to match ` +
            `${JSON.stringify(want)}\n    ${peer.label} normalised: ${short(JSON.stringify(got), 1500)}` +
            rawLines(l, r, left, right))
        }
      }
      if (opts.verbose) console.log(`  ${where} ${step.op}: divergence checked (${d.why})`)
      continue
    }
    if (step.adjust) {
      ln = adjusted(ln, step.adjust)
      rn = adjusted(rn, step.adjust)
    }
    const diffs = deepDiff(ln, rn)
    if (diffs.length) {
      const lines = diffs.slice(0, 20).map(([p, a, b]) =>
        `    ${p}:\n      ${left.label.padEnd(10)} ${short(JSON.stringify(a), 1500)}\n      ${right.label.padEnd(10)} ${short(JSON.stringify(b), 1500)}`)
      if (diffs.length > 20) lines.push(`    … ${diffs.length - 20} more differences`)
      problems.push(`${header}\n${lines.join('\n')}${rawLines(l, r, left, right)}`)
    } else if (opts.verbose) {
      console.log(`  ${where} ${step.op}: ${short(JSON.stringify(ln), 300)}`)
    }
  }
  return {problems, steps, divergences}
}

function rawLines(l, r, left, right) {
  return `\n    ${left.label} raw: ${short(JSON.stringify(l.result), 2000)}\n    ${right.label} raw: ${short(JSON.stringify(r.result), 2000)}`
}

function short(s, max = 400) {
  if (s === undefined) return '(none)'
  return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s
}

// ---------------------------------------------------------------------------------------------
// Process plumbing

const children = new Set()
function killChildren() {
  for (const c of children) c.kill()
}
process.on('exit', killChildren)
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    killChildren()
    process.exit(130)
  })
}

function sleep(ms) {
  return new Promise((ok) => setTimeout(ok, ms))
}

function fail(message) {
  console.error(`kinesalite cross-check: ${message}`)
  process.exit(2)
}

function parseArgs(argv) {
  const opts = {filters: [], verbose: false, mode: 'engine', dropped: []}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--case') opts.filters.push(argv[++i])
    else if (a === '--verbose' || a === '-v') opts.verbose = true
    else if (a === '--self') opts.mode = 'self'
    else if (a === '--kinesalite-only') opts.mode = 'kinesalite-only'
    else fail(`unknown argument ${a} (see the header of crosscheck.mjs)`)
  }
  return opts
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const left = new KinesalitePeer('kinesalite')
  let right = null
  if (opts.mode === 'engine') {
    // $REPLAY_BIN is taken relative to the working directory; the default, to this script.
    const bin = process.env.REPLAY_BIN ? resolve(process.env.REPLAY_BIN) : resolve(HERE, '../../target/release/examples/replay')
    right = new ReplayPeer(bin)
  } else if (opts.mode === 'self') {
    right = new KinesalitePeer('kinesalite2')
  }
  await left.start()
  if (right) await right.start()

  const selected = cases.filter((c) => !opts.filters.length || opts.filters.some((f) => c.name.includes(f)))
  let ran = 0
  let totalSteps = 0
  let totalDivergences = 0
  const skipped = []
  const failed = []
  for (const c of selected) {
    if (c.skip) {
      skipped.push(c.name)
      console.log(`skip ${c.name}: ${c.skip}`)
      continue
    }
    ran++
    if (!right) console.log(`case ${c.name}`)
    const {problems, steps, divergences} = await runCase(c, left, right, opts)
    totalSteps += steps
    totalDivergences += divergences
    if (!right) continue
    if (problems.length) {
      failed.push(c.name)
      console.log(`FAIL ${c.name} (${problems.length} of ${steps} steps)`)
      for (const p of problems) console.log(`  ${p}`)
    } else {
      console.log(`ok ${c.name} (${steps} steps${divergences ? `, ${divergences} documented divergences` : ''})`)
    }
    if (right && right.exited) {
      console.log(`kinesalite cross-check: stopped after ${ran} cases: ${right.exited}`)
      process.exit(1)
    }
  }

  await left.stop()
  if (right) await right.stop()
  if (opts.verbose && opts.dropped.length) {
    const counts = {}
    for (const d of opts.dropped) counts[d] = (counts[d] || 0) + 1
    console.log('engine fields dropped by the allow-list:')
    for (const [d, n] of Object.entries(counts)) console.log(`  ${d} ×${n}`)
  }
  const tail = `${totalDivergences} documented divergences, ${skipped.length} cases skipped`
  if (!right) {
    console.log(`kinesalite cross-check (kinesalite only): ${ran} cases, ${totalSteps} steps run, nothing compared`)
    process.exit(0)
  }
  if (failed.length) {
    console.log(`kinesalite cross-check: ${ran} cases, ${totalSteps} steps, ${failed.length} cases mismatched: ` +
      `${failed.join(', ')} (${tail})`)
  } else {
    console.log(`kinesalite cross-check: ${ran} cases, ${totalSteps} steps, all matched (${tail})`)
  }
  console.log(`crosscheck: ${ran - failed.length} passed, ${failed.length} failed, ${skipped.length} skipped`)
  process.exit(failed.length ? 1 : 0)
}

main().catch((e) => {
  console.error(e.stack || e)
  killChildren()
  process.exit(2)
})
