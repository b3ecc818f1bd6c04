# The course's CLI tutorial (../shared/course/004_*.txt, "Basic Kinesis Data Stream Operations
# Using the AWS CLI"), verbatim, in bash. Lines marked "not in the course" are added to show a value.
# `sleep 6` and `sleep 4` stand for the course's "check again in a few moments": kinesalite here,
# like the engine, keeps a stream CREATING for 5 s and DELETING for 3 s.
#
# Step 1: Create a Stream
aws kinesis create-stream --stream-name Foo --shard-count 1
aws kinesis describe-stream --stream-name Foo
sleep 6
aws kinesis describe-stream --stream-name Foo
aws kinesis list-streams
# Step 2: Put a Record
aws kinesis put-record --stream-name Foo --partition-key 123 --data testdata
# Step 3: Get the Record
aws kinesis get-shard-iterator --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --stream-name Foo
# The course's copy/paste example, with the course's own (foreign) iterator pasted verbatim:
aws kinesis get-records --shard-iterator AAAAAAAAAAHSywljv0zEgPX4NyKdZ5wryMzP9yALs8NeKbUjp1IxtZs1Sp+KEd9I6AJ9ZG4lNR1EMi+9Md/nHvtLyxpfhEzYvkTZ4D9DQVz/mBYWRO6OTZRKnW9gd+efGN2aHFdkH1rJl4BL9Wyrk+ghYG22D2T1Da2EyNSH1+LAbK33gQweTJADBdyMwlo5r6PqcP2dzhg=
# The bash form. With the default json output, --query prints a JSON string: the quotes stay
# in the variable, and get-records sends them to the service.
SHARD_ITERATOR=$(aws kinesis get-shard-iterator --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --stream-name Foo --query 'ShardIterator')
# not in the course: what the variable holds
echo $SHARD_ITERATOR
aws kinesis get-records --shard-iterator $SHARD_ITERATOR
# The fix (not in the course): --output text prints the bare string.
SHARD_ITERATOR=$(aws kinesis get-shard-iterator --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --stream-name Foo --query 'ShardIterator' --output text)
# not in the course: what the variable holds
echo $SHARD_ITERATOR
aws kinesis get-records --shard-iterator $SHARD_ITERATOR
# Step 4: Clean Up
aws kinesis delete-stream --stream-name Foo
aws kinesis describe-stream --stream-name Foo
sleep 4
aws kinesis describe-stream --stream-name Foo
