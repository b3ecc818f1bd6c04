# aws kinesis wait: StreamExists and StreamNotExists poll DescribeStream every 10 s, at most 18
# times (botocore data/kinesis/2013-12-02/waiters-2.json). A waiter prints nothing on success.
aws kinesis create-stream --stream-name Foo --shard-count 1
# CREATING (5 s) at the first poll, ACTIVE at the second, 10 s later
aws kinesis wait stream-exists --stream-name Foo
aws kinesis describe-stream-summary --stream-name Foo --query StreamDescriptionSummary.StreamStatus --output text
aws kinesis wait stream-exists --stream-name Foo
aws kinesis delete-stream --stream-name Foo
# DELETING (3 s) at the first poll, gone at the second
aws kinesis wait stream-not-exists --stream-name Foo
aws kinesis wait stream-not-exists --stream-name Foo
# An error that no acceptor matches ends the wait at once
aws kinesis wait stream-exists --stream-name Missing
# No acceptor ever matches: 18 polls, 170 s, then "Max attempts exceeded"
aws kinesis create-stream --stream-name Bar --shard-count 1
sleep 6
aws kinesis wait stream-not-exists --stream-name Bar
