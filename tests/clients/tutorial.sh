#!/usr/bin/env bash
# The course's CLI tutorial (note 004, "Basic Kinesis Data Stream Operations Using the AWS CLI"),
# verbatim except for `--endpoint-url`, run against ENDPOINT_URL; each command's output (stdout,
# and stderr for errors) is printed under a "### <command>" line, for tests/clients/run.sh to
# normalise and compare between the playground's endpoint and kinesalite.
# "Check again in a few moments" is a poll of describe-stream until ACTIVE (the poll's own
# outputs are not printed), and "after the stream is fully deleted" a poll until not found.
set -u
: "${ENDPOINT_URL:?}"
aws() { command aws --endpoint-url "$ENDPOINT_URL" "$@"; }
step() { echo "### $*"; aws "$@" 2>&1; echo "exit $?"; }

step kinesis create-stream --stream-name Foo --shard-count 1
step kinesis describe-stream --stream-name Foo
for _ in $(seq 1 100); do
  aws kinesis describe-stream --stream-name Foo 2>/dev/null | grep -q '"ACTIVE"' && break
  sleep 0.1
done
step kinesis describe-stream --stream-name Foo
step kinesis list-streams
step kinesis put-record --stream-name Foo --partition-key 123 --data testdata
step kinesis get-shard-iterator --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --stream-name Foo
SHARD_ITERATOR=$(aws kinesis get-shard-iterator --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --stream-name Foo --query 'ShardIterator')
echo "### kinesis get-records --shard-iterator \$SHARD_ITERATOR"
aws kinesis get-records --shard-iterator $SHARD_ITERATOR 2>&1; echo "exit $?"
step kinesis delete-stream --stream-name Foo
step kinesis describe-stream --stream-name Foo
for _ in $(seq 1 100); do
  aws kinesis describe-stream --stream-name Foo >/dev/null 2>&1 || break
  sleep 0.1
done
step kinesis describe-stream --stream-name Foo
