// The JS SDK v3 (@aws-sdk/client-kinesis) over HTTP/2 (NodeHttp2Handler, h2c): put/get, then an
// enhanced fan-out consumer whose SubscribeToShard event stream receives the records.
import {
  KinesisClient, CreateStreamCommand, DescribeStreamSummaryCommand, PutRecordCommand,
  GetShardIteratorCommand, GetRecordsCommand, RegisterStreamConsumerCommand,
  DescribeStreamConsumerCommand, SubscribeToShardCommand,
} from '@aws-sdk/client-kinesis';
import { NodeHttp2Handler } from '@smithy/node-http-handler';
import assert from 'node:assert/strict';

const client = new KinesisClient({
  endpoint: process.env.ENDPOINT_URL,
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  requestHandler: new NodeHttp2Handler({ disableConcurrentStreams: false }),
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const StreamName = 'js';

await client.send(new CreateStreamCommand({ StreamName, ShardCount: 1 }));
let summary;
for (let i = 0; i < 100; i++) {
  summary = (await client.send(new DescribeStreamSummaryCommand({ StreamName }))).StreamDescriptionSummary;
  if (summary.StreamStatus === 'ACTIVE') break;
  await sleep(100);
}
assert.equal(summary.StreamStatus, 'ACTIVE');
const texts = ['uno', 'dos', 'tres'];
for (const t of texts) {
  await client.send(new PutRecordCommand({ StreamName, PartitionKey: t, Data: new TextEncoder().encode(t) }));
}
const { ShardIterator } = await client.send(new GetShardIteratorCommand({
  StreamName, ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON',
}));
const got = await client.send(new GetRecordsCommand({ ShardIterator }));
assert.deepEqual(got.Records.map((r) => new TextDecoder().decode(r.Data)), texts);
assert.ok(got.Records[0].ApproximateArrivalTimestamp instanceof Date);

const { Consumer } = await client.send(new RegisterStreamConsumerCommand({
  StreamARN: summary.StreamARN, ConsumerName: 'js-efo',
}));
for (let i = 0; i < 100; i++) {
  const d = await client.send(new DescribeStreamConsumerCommand({ ConsumerARN: Consumer.ConsumerARN }));
  if (d.ConsumerDescription.ConsumerStatus === 'ACTIVE') break;
  await sleep(100);
}
// The subscription lasts 5 minutes; the abort ends our side of it once the records are in.
const stop = new AbortController();
const sub = await client.send(new SubscribeToShardCommand({
  ConsumerARN: Consumer.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' },
}), { abortSignal: stop.signal });
const received = [];
const timeout = setTimeout(() => { console.error('js: no records from SubscribeToShard in 20 s'); process.exit(1); }, 20000);
for await (const event of sub.EventStream) {
  if (event.SubscribeToShardEvent) {
    for (const r of event.SubscribeToShardEvent.Records) received.push(new TextDecoder().decode(r.Data));
    assert.ok(event.SubscribeToShardEvent.ContinuationSequenceNumber);
  }
  if (received.length >= texts.length) break;
}
clearTimeout(timeout);
stop.abort();
assert.deepEqual(received, texts);
client.destroy();
console.log('js: JS SDK v3 over HTTP/2: put/get and SubscribeToShard received', received.length, 'records');
process.exit(0);
