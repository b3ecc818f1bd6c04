"""boto3: creates `mi-stream` before the course's producer runs (`setup`), then reads every
record back from every shard (`check N`) and checks the N events the producer sent."""
import json
import os
import sys
import time

import boto3

client = boto3.client('kinesis', region_name='us-east-1', endpoint_url=os.environ['ENDPOINT_URL'])


def setup():
    client.create_stream(StreamName='mi-stream', ShardCount=2)
    client.get_waiter('stream_exists').wait(StreamName='mi-stream', WaiterConfig={'Delay': 1, 'MaxAttempts': 60})


def check(expected):
    shards = client.list_shards(StreamName='mi-stream')['Shards']
    events = {}
    for shard in shards:
        it = client.get_shard_iterator(StreamName='mi-stream', ShardId=shard['ShardId'],
                                       ShardIteratorType='TRIM_HORIZON')['ShardIterator']
        while it:
            out = client.get_records(ShardIterator=it, Limit=1000)
            for r in out['Records']:
                data = json.loads(r['Data'])
                assert r['PartitionKey'] == str(data['event_id']), r
                events[data['event_id']] = data
            if not out['Records'] and out['MillisBehindLatest'] == 0:
                break
            it = out.get('NextShardIterator')
    assert sorted(events) == list(range(expected)), sorted(events)
    assert all(e['message'] == 'Evento de prueba' for e in events.values())
    print(f"boto3: the producer's {expected} events read back from {len(shards)} shards")


if __name__ == '__main__':
    if sys.argv[1] == 'setup':
        setup()
    else:
        check(int(sys.argv[2]))
