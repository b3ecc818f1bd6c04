# Every operation the simulator implements, in --output json, text and table, plus --query forms,
# shorthand and JSON values, --cli-input-json and the pagination options.
# kinesalite 3.3.3 lacks DescribeLimits, UpdateShardCount, StartStreamEncryption,
# StopStreamEncryption, UpdateStreamMode and the four consumer operations: their entries hold
# kinesalite's UnknownOperationException, not AWS's answer (see tests/console/README.md).
# SubscribeToShard is left out: the CLI has no subscribe-to-shard command (an event stream).
#
# CreateStream (no output on success, in every format)
aws kinesis create-stream --stream-name Fmt --shard-count 2 --output json
aws kinesis create-stream --stream-name FmtText --shard-count 1 --output text
aws kinesis create-stream --stream-name FmtTable --shard-count 1 --output table
# the JSON form of a structure option, and --cli-input-json
aws kinesis create-stream --stream-name FmtJson --shard-count 1 --stream-mode-details '{"StreamMode": "PROVISIONED"}'
aws kinesis create-stream --cli-input-json '{"StreamName": "FmtInput", "ShardCount": 1}'
sleep 6
#
# DescribeStream
aws kinesis describe-stream --stream-name Fmt --output json
aws kinesis describe-stream --stream-name Fmt --output text
aws kinesis describe-stream --stream-name Fmt --output table
# without the paginator: the wire response as it came, HasMoreShards included
aws kinesis describe-stream --stream-name Fmt --no-paginate
aws kinesis describe-stream --stream-name Fmt --max-items 1
aws kinesis describe-stream --cli-input-json '{"StreamName": "FmtInput"}'
#
# DescribeStreamSummary
aws kinesis describe-stream-summary --stream-name Fmt --output json
aws kinesis describe-stream-summary --stream-name Fmt --output text
aws kinesis describe-stream-summary --stream-name Fmt --output table
#
# --query: a scalar, a list projection, a multiselect hash, a sub-tree (key order kept)
aws kinesis describe-stream --stream-name Fmt --query 'StreamDescription.StreamStatus' --output json
aws kinesis describe-stream --stream-name Fmt --query 'StreamDescription.StreamStatus' --output text
aws kinesis describe-stream --stream-name Fmt --query 'StreamDescription.StreamStatus' --output table
aws kinesis describe-stream --stream-name Fmt --query 'StreamDescription.RetentionPeriodHours'
aws kinesis list-shards --stream-name Fmt --query 'Shards[*].ShardId' --output json
aws kinesis list-shards --stream-name Fmt --query 'Shards[*].ShardId' --output text
aws kinesis list-shards --stream-name Fmt --query 'Shards[*].ShardId' --output table
aws kinesis list-shards --stream-name Fmt --query 'Shards[*].{id: ShardId, range: HashKeyRange}' --output json
aws kinesis list-shards --stream-name Fmt --query 'Shards[*].{id: ShardId, range: HashKeyRange}' --output text
aws kinesis list-shards --stream-name Fmt --query 'Shards[*].{id: ShardId, range: HashKeyRange}' --output table
aws kinesis list-shards --stream-name Fmt --query 'Shards[*].[ShardId, HashKeyRange.StartingHashKey]' --output text
aws kinesis describe-stream --stream-name Fmt --query 'StreamDescription.Shards[0]' --output json
aws kinesis describe-stream --stream-name Fmt --query 'StreamDescription.Shards[0]' --output text
aws kinesis describe-stream --stream-name Fmt --query 'StreamDescription.Shards[0]' --output table
aws kinesis describe-stream --stream-name Fmt --query 'StreamDescription.NoSuchKey'
aws kinesis describe-stream --stream-name Fmt --query 'StreamDescription.NoSuchKey' --output text
aws kinesis describe-stream --stream-name Fmt --query 'length(StreamDescription.Shards)' --output text
#
# ListStreams and its pagination
aws kinesis list-streams --output json
aws kinesis list-streams --output text
aws kinesis list-streams --output table
aws kinesis list-streams --max-items 2
# --query with --output text on a paginated command runs once per page, then once on the token:
# the variable holds "None" and the token, and the unquoted $TOKEN gives two words.
TOKEN=$(aws kinesis list-streams --max-items 2 --query NextToken --output text)
echo $TOKEN
aws kinesis list-streams --max-items 2 --starting-token $TOKEN
# the token copied by hand (it is the CLI's own: base64 of {"NextToken": null, "boto_truncate_amount": 2})
aws kinesis list-streams --max-items 2 --starting-token eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==
TOKEN=$(aws kinesis list-streams --max-items 2 --query NextToken)
echo $TOKEN
aws kinesis list-streams --no-paginate
aws kinesis list-streams --no-paginate --limit 2
aws kinesis list-streams --page-size 2
aws kinesis list-streams --max-items 2 --output text
aws kinesis list-streams --max-items 2 --output table
#
# ListShards and its pagination
aws kinesis list-shards --stream-name Fmt --output json
aws kinesis list-shards --stream-name Fmt --output text
aws kinesis list-shards --stream-name Fmt --output table
aws kinesis list-shards --stream-name Fmt --shard-filter Type=AT_TRIM_HORIZON
aws kinesis list-shards --stream-name Fmt --shard-filter '{"Type": "AT_LATEST"}' --query 'Shards[*].ShardId'
aws kinesis list-shards --stream-name Fmt --max-items 1
aws kinesis list-shards --stream-name Fmt --max-items 1 --starting-token eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==
aws kinesis list-shards --stream-name Fmt --max-items 1 --output text
aws kinesis list-shards --stream-name Fmt --no-paginate
aws kinesis list-shards --stream-name Fmt --max-results 1
#
# PutRecord (--data is a blob: AWS CLI v1 sends the text's bytes, base64-encoded on the wire)
aws kinesis put-record --stream-name Fmt --partition-key 123 --data testdata --output json
aws kinesis put-record --stream-name Fmt --partition-key 123 --data testdata --output text
aws kinesis put-record --stream-name Fmt --partition-key 123 --data testdata --output table
aws kinesis put-record --stream-name Fmt --partition-key k --data 'hola, señal' --explicit-hash-key 340282366920938463463374607431768211455
aws kinesis put-record --cli-input-json '{"StreamName": "Fmt", "PartitionKey": "json", "Data": "dGVzdGRhdGE="}'
# Blobs: v1 sends the text's bytes; v2 base64-decodes the text first (so `testdata`, itself valid
# base64, becomes 6 other bytes) unless --cli-binary-format raw-in-base64-out (unknown to v1).
aws kinesis put-record --stream-name Fmt --partition-key blob1 --explicit-hash-key 0 --data dGVzdGRhdGE=
aws kinesis put-record --stream-name Fmt --partition-key blob2 --explicit-hash-key 0 --data testdata --cli-binary-format raw-in-base64-out
aws kinesis put-record --stream-name Fmt --partition-key blob3 --explicit-hash-key 0 --data testdata --cli-binary-format base64
aws kinesis put-records --stream-name Fmt --records Data=dGVzdGRhdGE=,PartitionKey=blob4,ExplicitHashKey=0
#
# PutRecords: shorthand (the AWS docs' form), then JSON. The data are base64 texts (dW5v = "uno")
# so that v1 (which sends the text) and v2 (which decodes it) both succeed; tests/console/CLI-NOTES.md §4.
aws kinesis put-records --stream-name Fmt --records Data=dW5v,PartitionKey=1 Data=ZG9z,PartitionKey=2 --output json
aws kinesis put-records --stream-name Fmt --records Data=dHJlcw==,PartitionKey=3 --output text
aws kinesis put-records --stream-name Fmt --records Data=Y3VhdHJv,PartitionKey=4 --output table
aws kinesis put-records --stream-name Fmt --records '[{"Data": "Y2luY28=", "PartitionKey": "5"}, {"Data": "c2Vpcw==", "PartitionKey": "6", "ExplicitHashKey": "0"}]'
#
# GetShardIterator
aws kinesis get-shard-iterator --stream-name Fmt --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --output json
aws kinesis get-shard-iterator --stream-name Fmt --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --output text
aws kinesis get-shard-iterator --stream-name Fmt --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --output table
SEQ=$(aws kinesis put-record --stream-name Fmt --partition-key 123 --data c2lldGU= --query SequenceNumber --output text)
aws kinesis get-shard-iterator --stream-name Fmt --shard-id shardId-000000000000 --shard-iterator-type AT_SEQUENCE_NUMBER --starting-sequence-number $SEQ
#
# GetRecords
IT=$(aws kinesis get-shard-iterator --stream-name Fmt --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --query ShardIterator --output text)
aws kinesis get-records --shard-iterator $IT --output json
aws kinesis get-records --shard-iterator $IT --output text
aws kinesis get-records --shard-iterator $IT --output table
aws kinesis get-records --shard-iterator $IT --limit 1 --query 'Records[*].[PartitionKey, Data]' --output text
aws kinesis get-records --shard-iterator $IT --query 'Records[*].[PartitionKey, Data]' --output text
IT=$(aws kinesis get-shard-iterator --stream-name Fmt --shard-id shardId-000000000001 --shard-iterator-type LATEST --query ShardIterator --output text)
aws kinesis get-records --shard-iterator $IT
#
# Tags
aws kinesis add-tags-to-stream --stream-name Fmt --tags curso=bigdata,tema=kinesis --output json
aws kinesis add-tags-to-stream --stream-name Fmt --tags '{"nivel": "1"}' --output text
aws kinesis add-tags-to-stream --stream-name Fmt --tags vacio= --output table
aws kinesis list-tags-for-stream --stream-name Fmt --output json
aws kinesis list-tags-for-stream --stream-name Fmt --output text
aws kinesis list-tags-for-stream --stream-name Fmt --output table
aws kinesis remove-tags-from-stream --stream-name Fmt --tag-keys vacio nivel --output json
aws kinesis remove-tags-from-stream --stream-name Fmt --tag-keys tema --output text
aws kinesis remove-tags-from-stream --stream-name Fmt --tag-keys nada --output table
aws kinesis list-tags-for-stream --stream-name Fmt
#
# Retention
aws kinesis increase-stream-retention-period --stream-name Fmt --retention-period-hours 48 --output json
aws kinesis increase-stream-retention-period --stream-name Fmt --retention-period-hours 72 --output text
aws kinesis increase-stream-retention-period --stream-name Fmt --retention-period-hours 96 --output table
aws kinesis decrease-stream-retention-period --stream-name Fmt --retention-period-hours 72 --output json
aws kinesis decrease-stream-retention-period --stream-name Fmt --retention-period-hours 48 --output text
aws kinesis decrease-stream-retention-period --stream-name Fmt --retention-period-hours 24 --output table
#
# SplitShard and MergeShards (no output on success; the stream is UPDATING for 3 s after each)
aws kinesis split-shard --stream-name Fmt --shard-to-split shardId-000000000000 --new-starting-hash-key 85070591730234615865843651857942052864 --output json
aws kinesis describe-stream-summary --stream-name Fmt --query 'StreamDescriptionSummary.[StreamStatus, OpenShardCount]' --output text
sleep 4
aws kinesis split-shard --stream-name Fmt --shard-to-split shardId-000000000001 --new-starting-hash-key 255211775190703847597530955573826158592 --output text
sleep 4
aws kinesis merge-shards --stream-name Fmt --shard-to-merge shardId-000000000002 --adjacent-shard-to-merge shardId-000000000003 --output json
sleep 4
aws kinesis merge-shards --stream-name Fmt --shard-to-merge shardId-000000000004 --adjacent-shard-to-merge shardId-000000000005 --output table
sleep 4
aws kinesis list-shards --stream-name Fmt --output table
aws kinesis describe-stream --stream-name Fmt --output text
#
# UpdateShardCount (kinesalite: UnknownOperationException)
aws kinesis update-shard-count --stream-name Fmt --target-shard-count 4 --scaling-type UNIFORM_SCALING --output json
aws kinesis update-shard-count --stream-name Fmt --target-shard-count 4 --scaling-type UNIFORM_SCALING --output text
aws kinesis update-shard-count --stream-name Fmt --target-shard-count 4 --scaling-type UNIFORM_SCALING --output table
#
# Encryption (kinesalite: UnknownOperationException)
aws kinesis start-stream-encryption --stream-name Fmt --encryption-type KMS --key-id alias/aws/kinesis --output json
aws kinesis start-stream-encryption --stream-name Fmt --encryption-type KMS --key-id alias/aws/kinesis --output text
aws kinesis start-stream-encryption --stream-name Fmt --encryption-type KMS --key-id alias/aws/kinesis --output table
aws kinesis stop-stream-encryption --stream-name Fmt --encryption-type KMS --key-id alias/aws/kinesis --output json
aws kinesis stop-stream-encryption --stream-name Fmt --encryption-type KMS --key-id alias/aws/kinesis --output text
aws kinesis stop-stream-encryption --stream-name Fmt --encryption-type KMS --key-id alias/aws/kinesis --output table
#
# UpdateStreamMode (kinesalite: UnknownOperationException)
aws kinesis update-stream-mode --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --stream-mode-details StreamMode=ON_DEMAND --output json
aws kinesis update-stream-mode --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --stream-mode-details StreamMode=ON_DEMAND --output text
aws kinesis update-stream-mode --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --stream-mode-details StreamMode=ON_DEMAND --output table
#
# DescribeLimits (kinesalite: UnknownOperationException)
aws kinesis describe-limits --output json
aws kinesis describe-limits --output text
aws kinesis describe-limits --output table
#
# Consumers (kinesalite: UnknownOperationException)
aws kinesis register-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --consumer-name app --output json
aws kinesis register-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --consumer-name app --output text
aws kinesis register-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --consumer-name app --output table
aws kinesis describe-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --consumer-name app --output json
aws kinesis describe-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --consumer-name app --output text
aws kinesis describe-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --consumer-name app --output table
aws kinesis list-stream-consumers --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --output json
aws kinesis list-stream-consumers --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --output text
aws kinesis list-stream-consumers --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --output table
aws kinesis deregister-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --consumer-name app --output json
aws kinesis deregister-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --consumer-name app --output text
aws kinesis deregister-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:000000000000:stream/Fmt --consumer-name app --output table
#
# DeleteStream (no output on success, in every format)
aws kinesis delete-stream --stream-name FmtText --output json
aws kinesis delete-stream --stream-name FmtTable --output text
aws kinesis delete-stream --stream-name FmtJson --output table
aws kinesis delete-stream --stream-name FmtInput --enforce-consumer-deletion
aws kinesis delete-stream --stream-name Fmt
sleep 4
aws kinesis list-streams
#
# The version line
aws --version
