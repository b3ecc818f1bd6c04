# Command-line errors, client-side parameter validation and service errors, with their exit
# status. AWS CLI v1 here; tests/console/CLI-NOTES.md says how v2 differs.
aws kinesis create-stream --stream-name Foo --shard-count 1
sleep 6
#
# The command line alone
aws
aws kinesis
aws kinesis wait
aws kinesis wait stream-exist --stream-name Foo
#
# Invalid choices: a command name (with and without a close match), a service, --output
aws kinesis describe-streams --stream-name Foo
aws kinesis frobnicate
aws kinesys list-streams
aws kinesis list-streams --output yaml
aws kinesis list-streams --output xml
#
# Missing required options, unknown options, a missing value
aws kinesis put-record --stream-name Foo --data testdata
aws kinesis put-record --data testdata
aws kinesis get-shard-iterator --stream-name Foo
aws kinesis describe-stream --stream-name Foo --bogus 1
aws kinesis describe-stream --stream-name Foo extra words
aws kinesis put-record --stream-name Foo --partition-key 1 --data
aws kinesis describe-stream --stream-name Foo --output
#
# A value the CLI cannot convert (integer option)
aws kinesis create-stream --stream-name Bar --shard-count abc
aws kinesis create-stream --stream-name Bar --shard-count 1.5
#
# botocore's client-side validation (min value, min length, type)
aws kinesis create-stream --stream-name Bar --shard-count 0
aws kinesis create-stream --stream-name Bar --shard-count -1
aws kinesis create-stream --stream-name '' --shard-count 1
aws kinesis get-records --shard-iterator ''
aws kinesis get-records --shard-iterator x --limit 0
aws kinesis put-record --stream-name '' --partition-key '' --data testdata
aws kinesis create-stream --cli-input-json '{"StreamName": "Bar", "ShardCount": "1"}'
aws kinesis create-stream --cli-input-json '{"StreamName": "Bar", "ShardCount": 1, "Bogus": true}'
aws kinesis create-stream --cli-input-json '{"ShardCount": 1}'
#
# Not checked by the CLI (maximums, patterns, enums): the service answers
aws kinesis create-stream --stream-name AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA --shard-count 1
aws kinesis create-stream --stream-name 'bad name!' --shard-count 1
aws kinesis get-shard-iterator --stream-name Foo --shard-id shardId-000000000000 --shard-iterator-type FOO
aws kinesis list-shards --stream-name Foo --shard-filter Type=FOO
aws kinesis get-records --shard-iterator x --limit 10001
aws kinesis increase-stream-retention-period --stream-name Foo --retention-period-hours 9000
aws kinesis describe-stream
#
# Bad JSON, bad shorthand, bad --query, bad paging options
aws kinesis put-records --stream-name Foo --records '[{"Data": "x", "PartitionKey": "1"'
aws kinesis put-records --stream-name Foo --records Data=x,PartitionKey
aws kinesis put-records --stream-name Foo --records Data=x,Partition=1
aws kinesis put-records --stream-name Foo --records Data=x
aws kinesis list-shards --stream-name Foo --shard-filter Type
aws kinesis list-shards --stream-name Foo --shard-filter '{"Type": "AT_LATEST"'
aws kinesis add-tags-to-stream --stream-name Foo --tags k
aws kinesis create-stream --cli-input-json '{"StreamName": "Bar",'
aws kinesis create-stream --cli-input-json file://missing.json
aws kinesis put-record --stream-name Foo --partition-key 1 --data fileb://missing.bin
aws kinesis list-shards --stream-name Foo --query 'Shards[['
aws kinesis list-streams --no-paginate --max-items 1
aws kinesis list-streams --starting-token garbage
aws kinesis list-streams --max-items 0
aws kinesis list-streams --max-items abc
#
# Blobs: text that is not base64 (an error in v2 only, where --data is base64 by default)
aws kinesis put-record --stream-name Foo --partition-key 1 --data abc
aws kinesis put-record --stream-name Foo --partition-key 1 --data 'hola mundo'
aws kinesis put-record --stream-name Foo --partition-key 1 --data 'señal'
aws kinesis put-records --stream-name Foo --records Data=abc,PartitionKey=1
aws kinesis put-record --stream-name Foo --partition-key 1 --data testdata --cli-binary-format raw
#
# Service errors
aws kinesis describe-stream --stream-name Missing
aws kinesis describe-stream --stream-name Missing --output text
aws kinesis put-record --stream-name Missing --partition-key 123 --data testdata
aws kinesis get-records --shard-iterator garbage
aws kinesis get-shard-iterator --stream-name Foo --shard-id shardId-000000000009 --shard-iterator-type TRIM_HORIZON
aws kinesis create-stream --stream-name Foo --shard-count 1
aws kinesis delete-stream --stream-name Missing
aws kinesis split-shard --stream-name Foo --shard-to-split shardId-000000000000 --new-starting-hash-key 0
aws kinesis merge-shards --stream-name Foo --shard-to-merge shardId-000000000000 --adjacent-shard-to-merge shardId-000000000001
aws kinesis decrease-stream-retention-period --stream-name Foo --retention-period-hours 48
aws kinesis increase-stream-retention-period --stream-name Foo --retention-period-hours 12
aws kinesis get-shard-iterator --stream-name Foo --shard-id shardId-000000000000 --shard-iterator-type AT_SEQUENCE_NUMBER
aws kinesis delete-stream --stream-name Foo
aws kinesis put-record --stream-name Foo --partition-key 123 --data testdata
