// Normalisation of Kinesis responses before the cross-check compares them.
//
// Two peers that run the same operations still differ in values that carry wall or virtual
// time, or that are opaque by design. This module maps those values to forms that keep what
// must agree and drop what may not:
//
//   raw response ──► engine allow-list (engine side only) ──► normalise() ──► deepDiff()
//
// - timestamps (StreamCreationTimestamp, ApproximateArrivalTimestamp) become "<timestamp>";
// - sequence numbers, wherever they appear (fields and error messages), are decoded with the
//   KINESIS.md B3 layout and become `seq(shardIx=…, seqIx=…)`; the two time fields are dropped;
// - shard iterators become "<iterator>" (their presence or absence still counts);
// - MillisBehindLatest becomes "<millis>=0" when it is a number >= 0;
// - a ValidationException message becomes its count prefix plus the sorted set of its
//   `; `-separated items (kinesalite builds the items in validation-table order, AWS does not
//   promise any order);
// - time relations that must hold inside a response are added under `~time` (timeRelations).

/** Fields that hold a wall-clock or virtual time; only their presence is compared. */
const TIMESTAMP_KEYS = new Set(['StreamCreationTimestamp', 'ApproximateArrivalTimestamp'])

/** Fields that hold an opaque shard iterator. */
const ITERATOR_KEYS = new Set(['ShardIterator', 'NextShardIterator'])

const POW_2_185 = 2n ** 185n
const POW_2_185_NEXT = 3n * 2n ** 184n // 1.5 · 2^185, the upper bound of version-2 numbers

/**
 * Decodes a version-2 sequence number (KINESIS.md B3). Returns null when the string is not one.
 * Hex digit positions: 0 `2` | 1–9 shard create secs | 10 shard-index nibble | 11–26 seqIx |
 * 27–28 byte1 | 29–37 seqTime secs | 38–45 shard index (32-bit, signed) | 46 version `2`.
 */
export function decodeSequence(str) {
  if (typeof str !== 'string' || !/^[1-9]\d{0,128}$/.test(str)) return null
  const n = BigInt(str)
  if (n <= POW_2_185 || n >= POW_2_185_NEXT) return null
  const hex = n.toString(16)
  if (hex.length !== 47 || hex[46] !== '2') return null
  let shardIx = parseInt(hex.slice(38, 46), 16)
  if (shardIx >= 2 ** 31) shardIx -= 2 ** 32
  return {
    shardCreateSecs: parseInt(hex.slice(1, 10), 16),
    shardNibble: parseInt(hex[10], 16),
    seqIx: BigInt('0x' + hex.slice(11, 27)),
    byte1: hex.slice(27, 29),
    seqTimeSecs: parseInt(hex.slice(29, 38), 16),
    shardIx,
  }
}

/** The time-free form of a sequence number; flags fields that break the layout's own rules. */
export function sequenceToken(str) {
  const d = decodeSequence(str)
  if (!d) return null
  const flaws = []
  if (d.shardNibble !== (d.shardIx & 0xf)) flaws.push(`nibble=${d.shardNibble}`)
  if (d.byte1 !== '00') flaws.push(`byte1=${d.byte1}`)
  if (d.seqIx > 0x7fffffffffffffffn) flaws.push('seqIx>max')
  return `seq(shardIx=${d.shardIx}, seqIx=${d.seqIx}${flaws.length ? ', BAD ' + flaws.join(' ') : ''})`
}

/** Replaces every embedded version-2 sequence number in a string by its time-free form. */
function normaliseString(s) {
  return s.replace(/\d{50,}/g, (m) => sequenceToken(m) ?? m)
}

/** Splits a ValidationException message into its count prefix and the sorted set of its items. */
export function splitValidationMessage(message) {
  const m = /^(\d+ validation errors? detected): ([\s\S]*)$/.exec(message)
  if (!m) return message
  return {prefix: m[1], items: m[2].split('; ').map(normaliseString).sort()}
}

/**
 * Time relations that hold inside one response whatever the clock reads, in whole seconds
 * (kinesalite's resolution). They are added to the normalised response under `~time`:
 * - `streamCreatedAtShard0`: StreamCreationTimestamp minus shard 0's creation time (both use
 *   the backdated creation instant, KINESIS.md B3);
 * - `childAfterParentEnd`: per child shard, its creation time minus its parent's closing time
 *   (1 s, AWS-validated in kinesalite's split and merge tests);
 * - `arrivalIsSeqTime`: per record, floor(ApproximateArrivalTimestamp) equals the record time
 *   inside its sequence number.
 */
export function timeRelations(response) {
  if (!response || typeof response !== 'object') return null
  const rel = {}
  const desc = response.StreamDescription
  const shards = (desc && desc.Shards) || response.Shards
  if (desc && typeof desc.StreamCreationTimestamp === 'number' && shards && shards.length) {
    const s0 = decodeSequence(shards[0].SequenceNumberRange?.StartingSequenceNumber)
    if (s0) rel.streamCreatedAtShard0 = Math.floor(desc.StreamCreationTimestamp) - s0.shardCreateSecs
  }
  if (Array.isArray(shards)) {
    const byId = new Map(shards.map((s) => [s.ShardId, s]))
    const deltas = {}
    for (const s of shards) {
      for (const parentId of [s.ParentShardId, s.AdjacentParentShardId]) {
        const parent = parentId && byId.get(parentId)
        if (!parent) continue
        const start = decodeSequence(s.SequenceNumberRange?.StartingSequenceNumber)
        const end = decodeSequence(parent.SequenceNumberRange?.EndingSequenceNumber)
        deltas[`${s.ShardId}<-${parentId}`] = start && end ? start.shardCreateSecs - end.seqTimeSecs : null
      }
    }
    if (Object.keys(deltas).length) rel.childAfterParentEnd = deltas
  }
  if (Array.isArray(response.Records) && response.Records.some((r) => 'ApproximateArrivalTimestamp' in r)) {
    rel.arrivalIsSeqTime = response.Records.map((r) => {
      const d = decodeSequence(r.SequenceNumber)
      return !!d && typeof r.ApproximateArrivalTimestamp === 'number' &&
        Math.floor(r.ApproximateArrivalTimestamp) === d.seqTimeSecs
    })
  }
  return Object.keys(rel).length ? rel : null
}

/** Returns the normalised copy of a peer's `{response}` or `{error}` result. */
export function normalise(result) {
  const out = walk(result, null)
  const rel = result && timeRelations(result.response)
  if (rel) out.response['~time'] = rel
  const err = out && out.error
  if (err && err.__type === 'ValidationException' && typeof err.message === 'string') {
    err.message = splitValidationMessage(result.error.message)
  }
  return out
}

function walk(value, key) {
  if (value == null) return value
  if (TIMESTAMP_KEYS.has(key)) return '<timestamp>'
  if (ITERATOR_KEYS.has(key) && typeof value === 'string') return '<iterator>'
  if (key === 'MillisBehindLatest' && typeof value === 'number' && value >= 0) return '<millis>=0'
  if (typeof value === 'string') return normaliseString(value)
  if (Array.isArray(value)) return value.map((v) => walk(v, null))
  if (typeof value === 'object') {
    const o = {}
    for (const k of Object.keys(value).sort()) o[k] = walk(value[k], k)
    return o
  }
  return value
}

/**
 * Removes from the engine's result the fields named by the allow-list, where kinesalite's
 * result lacks them. A path is a list of keys; `*` walks every element of an array, pairing
 * the engine's element i with kinesalite's element i.
 */
export function applyAllowList(engine, kinesalite, op, allowList, dropped = []) {
  const copy = structuredClone(engine)
  for (const entry of allowList) {
    if (entry.op !== '*' && entry.op !== op) continue
    if (drop(copy, kinesalite, entry.path.split('.'))) dropped.push(`${op} ${entry.path}`)
  }
  return copy
}

/** Deletes the path where the engine has it and kinesalite lacks it; true if anything went. */
function drop(e, k, segs) {
  if (e == null || typeof e !== 'object') return false
  const [head, ...rest] = segs
  if (head === '*') {
    if (!Array.isArray(e)) return false
    return e.map((el, i) => drop(el, Array.isArray(k) ? k[i] : undefined, rest)).some(Boolean)
  }
  if (!rest.length) {
    if (head in e && (k == null || typeof k !== 'object' || !(head in k))) {
      delete e[head]
      return true
    }
    return false
  }
  return drop(e[head], k && typeof k === 'object' ? k[head] : undefined, rest)
}

/** Lists the paths where two normalised values differ, as `[path, left, right]` triples. */
export function deepDiff(a, b, path = '', out = []) {
  if (Object.is(a, b)) return out
  const bothObjects = a && b && typeof a === 'object' && typeof b === 'object'
  if (!bothObjects || Array.isArray(a) !== Array.isArray(b)) {
    out.push([path || '(root)', a, b])
    return out
  }
  if (Array.isArray(a)) {
    if (a.length !== b.length) out.push([`${path}.length`, a.length, b.length])
    for (let i = 0; i < Math.min(a.length, b.length); i++) deepDiff(a[i], b[i], `${path}[${i}]`, out)
    return out
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const k of [...keys].sort()) {
    const p = path ? `${path}.${k}` : k
    if (!(k in a)) out.push([p, '(absent)', b[k]])
    else if (!(k in b)) out.push([p, a[k], '(absent)'])
    else deepDiff(a[k], b[k], p, out)
  }
  return out
}

/**
 * True when `actual` matches the partial expectation `expected`: objects need only the
 * expected keys, arrays need the same length and matching elements, other values are equal.
 */
export function matches(actual, expected) {
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return false
    if (Array.isArray(expected)) {
      return Array.isArray(actual) && actual.length === expected.length &&
        expected.every((e, i) => matches(actual[i], e))
    }
    return Object.keys(expected).every((k) => matches(actual[k], expected[k]))
  }
  return Object.is(actual, expected)
}
