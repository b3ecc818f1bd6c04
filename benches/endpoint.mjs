// `make bench-endpoint`: the same HTTP workload against kinesalite 3.3.3, ferrokinesis and this
// endpoint (release, --no-limits), one after the other on 127.0.0.1, in one run. Prints
// records/s per phase and server, and the endpoint's ratio to each peer.
//
// Workload (AWS JSON 1.1 over HTTP/1.1 keep-alive, Node's fetch, CONCURRENCY requests in flight):
//   1. PutRecord one by one: PUT_RECORD_COUNT records of 100 bytes, random partition keys;
//   2. PutRecords × 500: PUT_RECORDS_BATCHES requests of 500 records of 100 bytes;
//   3. GetRecords: every shard read from TRIM_HORIZON to its end, Limit 10000.
// Environment: ENDPOINT_BIN, FERROKINESIS_BIN, KINESALITE_BIN (paths), BENCH_SCALE (a factor on
// the record counts, default 1). Each server is started by its pid and stopped the same way.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scale = Number(process.env.BENCH_SCALE || 1);
const CONCURRENCY = 8;
const SHARDS = 4;
const PUT_RECORD_COUNT = Math.round(4000 * scale);
const PUT_RECORDS_BATCHES = Math.round(100 * scale);
const DATA = Buffer.alloc(100, 'x').toString('base64');
const AUTH = 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=00';

const freePort = () => new Promise((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function call(url, op, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `Kinesis_20131202.${op}`,
      authorization: AUTH, 'x-amz-date': '20260101T000000Z',
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : {};
  if (res.status !== 200) throw new Error(`${op}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function pool(n, task) {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < n) { const i = next++; await task(i); }
  }));
}

async function workload(url) {
  const StreamName = 'bench';
  await call(url, 'CreateStream', { StreamName, ShardCount: SHARDS });
  for (let i = 0; ; i++) {
    const d = await call(url, 'DescribeStreamSummary', { StreamName });
    if (d.StreamDescriptionSummary.StreamStatus === 'ACTIVE') break;
    if (i > 300) throw new Error('stream never ACTIVE');
    await sleep(50);
  }
  const out = {};
  let t = performance.now();
  await pool(PUT_RECORD_COUNT, (i) => call(url, 'PutRecord', { StreamName, PartitionKey: `k${i}`, Data: DATA }));
  out.putRecord = PUT_RECORD_COUNT / ((performance.now() - t) / 1000);
  t = performance.now();
  await pool(PUT_RECORDS_BATCHES, async (b) => {
    const Records = Array.from({ length: 500 }, (_, i) => ({ PartitionKey: `b${b}-${i}`, Data: DATA }));
    const r = await call(url, 'PutRecords', { StreamName, Records });
    if (r.FailedRecordCount) throw new Error(`PutRecords: ${r.FailedRecordCount} failed`);
  });
  out.putRecords = (PUT_RECORDS_BATCHES * 500) / ((performance.now() - t) / 1000);
  const total = PUT_RECORD_COUNT + PUT_RECORDS_BATCHES * 500;
  let read = 0;
  t = performance.now();
  await Promise.all(Array.from({ length: SHARDS }, async (_, s) => {
    const ShardId = `shardId-${String(s).padStart(12, '0')}`;
    let it = (await call(url, 'GetShardIterator', { StreamName, ShardId, ShardIteratorType: 'TRIM_HORIZON' })).ShardIterator;
    for (;;) {
      const r = await call(url, 'GetRecords', { ShardIterator: it, Limit: 10000 });
      read += r.Records.length;
      if (r.Records.length === 0) break;
      it = r.NextShardIterator;
    }
  }));
  out.getRecords = read / ((performance.now() - t) / 1000);
  if (read !== total) throw new Error(`GetRecords read ${read} of ${total} records`);
  return out;
}

async function withServer(name, argv, run) {
  const port = await freePort();
  const [cmd, ...args] = argv(port);
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, FERROKINESIS_LOG_LEVEL: 'off' } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  try {
    for (let i = 0; ; i++) {
      const ok = await new Promise((r) => { const s = net.connect(port, '127.0.0.1', () => { s.end(); r(true); }); s.on('error', () => r(false)); });
      if (ok) break;
      if (i > 200) throw new Error(`${name} did not start: ${stderr}`);
      await sleep(50);
    }
    return await run(`http://127.0.0.1:${port}/`);
  } finally {
    process.kill(child.pid);
  }
}

const servers = [
  ['kinesalite 3.3.3', (p) => [process.env.KINESALITE_BIN || path.join(root, 'tests/kinesalite/node_modules/.bin/kinesalite'),
    '--port', String(p), '--createStreamMs', '0']],
  ['ferrokinesis', (p) => [process.env.FERROKINESIS_BIN || path.join(root, 'target/peers/bin/ferrokinesis'),
    '--port', String(p), '--create-stream-ms', '0']],
  ['endpoint', (p) => [process.env.ENDPOINT_BIN || path.join(root, 'target/release/endpoint'),
    '--host', '127.0.0.1', '--port', String(p), '--no-limits']],
];

const results = {};
for (const [name, argv] of servers) {
  results[name] = await withServer(name, argv, workload);
  const r = results[name];
  console.log(`${name.padEnd(17)} PutRecord ${r.putRecord.toFixed(0).padStart(8)} rec/s   PutRecords×500 ${r.putRecords.toFixed(0).padStart(8)} rec/s   GetRecords ${r.getRecords.toFixed(0).padStart(9)} rec/s`);
}
const ours = results.endpoint;
for (const peer of ['kinesalite 3.3.3', 'ferrokinesis']) {
  const p = results[peer];
  const ratio = (k) => (ours[k] / p[k]).toFixed(2);
  console.log(`endpoint / ${peer.padEnd(16)} PutRecord ×${ratio('putRecord')}   PutRecords×500 ×${ratio('putRecords')}   GetRecords ×${ratio('getRecords')}`);
}
console.log(`(${PUT_RECORD_COUNT} PutRecord, ${PUT_RECORDS_BATCHES}×500 PutRecords, ${SHARDS} shards, ${CONCURRENCY} requests in flight, 100-byte records)`);
