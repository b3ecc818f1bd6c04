"""What the AWS SDK for Java (v1/v2, and so the KCL) sends, with Python's cbor2: CBOR 1.1
bodies, blobs as byte strings, timestamps as epoch milliseconds under CBOR tag 1 (not RFC 8949's
seconds: aws-sdk-java-v2 #4661), errors as CBOR maps. The KCL
itself cannot be installed here (no Maven Central); this covers its wire format."""
import os
import sys
import time
import urllib.error
import urllib.request

import cbor2


# cbor2 reads tag 1 as RFC 8949's seconds; keep it as a tag to check AWS's milliseconds.
KEEP_TAG_1 = {1: lambda value, _immutable: cbor2.CBORTag(1, value)}


def millis(tagged):
    """An answer's timestamp: tag 1 holding epoch milliseconds (cbor2 would read it as seconds)."""
    assert isinstance(tagged, cbor2.CBORTag) and tagged.tag == 1 and isinstance(tagged.value, int), tagged
    return tagged.value

URL = os.environ['ENDPOINT_URL']


def call(op, body, raw=None):
    req = urllib.request.Request(URL + '/', data=raw if raw is not None else cbor2.dumps(body), method='POST', headers={
        'Content-Type': 'application/x-amz-cbor-1.1',
        'X-Amz-Target': 'Kinesis_20131202.' + op,
        'X-Amz-Date': '20260101T000000Z',
        'Authorization': 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/kinesis/aws4_request, '
                         'SignedHeaders=host;x-amz-date, Signature=00',
    })
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            assert resp.headers['Content-Type'] == 'application/x-amz-cbor-1.1', resp.headers
            body = resp.read()
            # Operations without an output shape (CreateStream, DeleteStream, ...) answer an
            # empty 200 body, as the Java SDK accepts; everything else is one CBOR map.
            return resp.status, (cbor2.loads(body, semantic_decoders=KEEP_TAG_1) if body else None)
    except urllib.error.HTTPError as e:
        assert e.headers['Content-Type'] == 'application/x-amz-cbor-1.1', e.headers
        return e.code, cbor2.loads(e.read(), semantic_decoders=KEEP_TAG_1)


def main():
    status, _ = call('CreateStream', {'StreamName': 'cbor', 'ShardCount': 1})
    assert status == 200
    for _ in range(100):
        status, d = call('DescribeStreamSummary', {'StreamName': 'cbor'})
        summary = d['StreamDescriptionSummary']
        if summary['StreamStatus'] == 'ACTIVE':
            break
        time.sleep(0.1)
    created = millis(summary['StreamCreationTimestamp'])
    assert abs(created - time.time() * 1000) < 600_000, created
    before_ms = int(time.time() * 1000) - 60_000
    payload = bytes([0, 1, 2, 250, 255]) + 'ñ'.encode()
    status, put = call('PutRecord', {'StreamName': 'cbor', 'PartitionKey': 'k', 'Data': payload})
    assert status == 200, put
    # AT_TIMESTAMP with epoch milliseconds under tag 1, as the Java SDK v2 writes an Instant.
    status, it = call('GetShardIterator', {'StreamName': 'cbor', 'ShardId': 'shardId-000000000000',
                                           'ShardIteratorType': 'AT_TIMESTAMP',
                                           'Timestamp': cbor2.CBORTag(1, before_ms)})
    assert status == 200, it
    status, got = call('GetRecords', {'ShardIterator': it['ShardIterator']})
    assert status == 200, got
    record = got['Records'][0]
    assert record['Data'] == payload, record
    assert record['SequenceNumber'] == put['SequenceNumber']
    ts = millis(record['ApproximateArrivalTimestamp'])
    assert ts >= before_ms, ts
    # Errors are CBOR maps with __type and message.
    status, err = call('DescribeStream', {'StreamName': 'missing'})
    assert status == 400 and err['__type'] == 'ResourceNotFoundException', err
    assert err['message'] == 'Stream missing under account 000000000000 not found.', err
    status, err = call('ListStreams', None, raw=b'\xff\x00')
    assert status == 400 and err == {'__type': 'SerializationException'}, err
    status, err = call('PutRecord', {'StreamName': 'cbor', 'PartitionKey': 'k', 'Data': 'not bytes'})
    assert status == 400, err
    print('cbor2: CBOR 1.1 blobs, epoch-millisecond timestamps and errors as the Java SDK expects')


if __name__ == '__main__':
    sys.exit(main())
