#!/usr/bin/env python3
"""Regenerates the golden files of tests/console_output.rs from the real AWS CLI's formatters.

Ground truth without a server: the installed awscli (v1, `pip install awscli`; this was
written against awscli 1.45.11, botocore 1.43.11, jmespath 1.1.0, Python 3.11.7) formats the
inputs below exactly as `aws kinesis ...` would print the same service responses:

    /root/.pyenv/versions/3.11.7/bin/python tests/console/output/gen.py

run from the repository root. It writes

    tests/console/output/inputs/<input>.json    the responses (JSON as the service sends it)
    tests/console/output/cases.json             the cases: input, operation, query, version, width
    tests/console/output/golden/<case>.<fmt>    what the CLI prints on stdout (json, text, table)
    tests/console/output/golden/<case>.<fmt>.error   or the exception it raises instead
    tests/console/output/golden/<case>.query-error   or the --query error (compile or search)
    tests/console/output/parse_errors.json      bad expressions and the CLI's error for each
    tests/console/output/query_results.json     accepted ones and what the CLI prints for each

How each output is made (the CLI's own code paths, not reimplementations):
- formats: `awscli.formatter.get_formatter(fmt, args)(operation, response, stream)` with
  `args.query` the compiled `--query` (or None) and `args.color = 'off'`; a table's terminal
  width is fixed by patching `awscli.table.determine_terminal_width` (the CLI's own default,
  80 columns, is what it uses when stdout is not a terminal);
- `--query` compile errors: `awscli.customizations.globalargs._resolve_query` (the CLI's
  `Bad value for --query ...` ValueError); search errors: the exception the formatter raises;
- CLI v2 timestamps (`version: v2`): each timestamp member of the response goes through
  `awscli.customizations.scalarparse.iso_format` with TZ=UTC, as v2's `iso8601` timestamp
  parser does (`awscli/customizations/timestampformat.py` on branch v2: the same function).

The JSON inputs keep Python's float and int types: a float is written with a `.` or an exponent
(`1441215410.867`, `1572297168.0`), so serde_json reads it back as an f64, an int as an integer.
"""
import argparse
import copy
import io
import json
import os
import sys
import time

os.environ['TZ'] = 'UTC'
time.tzset()

import jmespath  # noqa: E402
import awscli.table  # noqa: E402
from awscli.formatter import get_formatter  # noqa: E402
from awscli.customizations.globalargs import _resolve_query  # noqa: E402
from awscli.customizations.scalarparse import iso_format  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
INPUTS = os.path.join(HERE, 'inputs')
GOLDEN = os.path.join(HERE, 'golden')
TIMESTAMP_MEMBERS = ['StreamCreationTimestamp', 'ApproximateArrivalTimestamp', 'ConsumerCreationTimestamp',
                     'StartedAt', 'EndedAt', 'EarliestAllowedEndAt']
ACCOUNT = '000000000000'
ARN = 'arn:aws:kinesis:us-east-1:%s:stream/' % ACCOUNT
MAX_KEY = str(2 ** 128 - 1)
HALF = str(2 ** 127)
SEQ0 = '49546986683135544286507457935754639466300920667981217794'
SEQ1 = '49546986683135544286507457936321625675700192471156785154'
SEQ2 = '49546986683135544286507457937530551495314821645863010306'
ITERATOR = ('AAAAAAAAAAGoQwOZjbkGw5Zg6uvb1r6m3j1ZqMa6Q0uKqOgQk2Gh6N8LiQK2f0yYqr7mdkPp8xMXQH'
            'wBkMPuM0wq6i1e5yY6sxBwOwj0h5T8qyA8aQvJ9o4vJ3tX7fVYhW0YrPSGbHc0hC3oOlQeZJzP5Q==')

# ---------------------------------------------------------------------------------------------
# Responses, as the service sends them (keys in the service's order).

def shard(shard_id, start, end, seq_start, seq_end=None, parent=None, adjacent=None):
    out = {'ShardId': shard_id}
    if parent:
        out['ParentShardId'] = parent
    if adjacent:
        out['AdjacentParentShardId'] = adjacent
    out['HashKeyRange'] = {'StartingHashKey': start, 'EndingHashKey': end}
    out['SequenceNumberRange'] = {'StartingSequenceNumber': seq_start}
    if seq_end:
        out['SequenceNumberRange']['EndingSequenceNumber'] = seq_end
    return out


def description(name, status, shards, created=1441215410.867):
    return {'StreamDescription': {
        'StreamName': name,
        'StreamARN': ARN + name,
        'StreamStatus': status,
        'StreamModeDetails': {'StreamMode': 'PROVISIONED'},
        'Shards': shards,
        'HasMoreShards': False,
        'RetentionPeriodHours': 24,
        'StreamCreationTimestamp': created,
        'EnhancedMonitoring': [{'ShardLevelMetrics': []}],
        'EncryptionType': 'NONE',
    }}


SPLIT = [
    shard('shardId-000000000000', '0', MAX_KEY, SEQ0, seq_end=SEQ1),
    shard('shardId-000000000001', '0', str(2 ** 127 - 1), SEQ1, parent='shardId-000000000000'),
    shard('shardId-000000000002', HALF, MAX_KEY, SEQ2, parent='shardId-000000000000'),
]

INPUT_DATA = {
    'describe_stream_1': description('Foo', 'ACTIVE', [shard('shardId-000000000000', '0', MAX_KEY, SEQ0)]),
    'describe_stream_split': description('Foo', 'ACTIVE', SPLIT, created=1572297168.0),
    'describe_stream_merged': description('Foo', 'UPDATING', SPLIT + [
        shard('shardId-000000000003', '0', MAX_KEY, '49546986683135544286507457938739477314929450820569235458',
              parent='shardId-000000000001', adjacent='shardId-000000000002')]),
    'describe_stream_creating': description('Foo', 'CREATING', []),
    'describe_stream_summary': {'StreamDescriptionSummary': {
        'StreamName': 'Foo',
        'StreamARN': ARN + 'Foo',
        'StreamStatus': 'ACTIVE',
        'StreamModeDetails': {'StreamMode': 'PROVISIONED'},
        'RetentionPeriodHours': 24,
        'StreamCreationTimestamp': 1764774378.123,
        'EnhancedMonitoring': [{'ShardLevelMetrics': []}],
        'EncryptionType': 'NONE',
        'OpenShardCount': 1,
        'ConsumerCount': 0,
    }},
    'list_streams': {
        'StreamNames': ['Foo', 'ventas-2024'],
        'HasMoreStreams': False,
        'StreamSummaries': [
            {'StreamName': 'Foo', 'StreamARN': ARN + 'Foo', 'StreamStatus': 'ACTIVE',
             'StreamModeDetails': {'StreamMode': 'PROVISIONED'}, 'StreamCreationTimestamp': 1764774378.0},
            {'StreamName': 'ventas-2024', 'StreamARN': ARN + 'ventas-2024', 'StreamStatus': 'CREATING',
             'StreamModeDetails': {'StreamMode': 'ON_DEMAND'}, 'StreamCreationTimestamp': 1764774390.5},
        ],
    },
    'list_streams_empty': {'StreamNames': [], 'HasMoreStreams': False, 'StreamSummaries': []},
    'list_shards': {'Shards': SPLIT[1:]},
    'get_records_empty': {'Records': [], 'NextShardIterator': ITERATOR, 'MillisBehindLatest': 0},
    'get_records_2': {
        'Records': [
            {'SequenceNumber': SEQ0, 'ApproximateArrivalTimestamp': 1441215410.867,
             'Data': 'dGVzdGRhdGE=', 'PartitionKey': '123'},
            {'SequenceNumber': SEQ1, 'ApproximateArrivalTimestamp': 1441215411.5,
             'Data': 'eyJwcm9kdWN0byI6ICJjYW1pw7NuIn0=', 'PartitionKey': 'camión-ñandú-日本',
             'EncryptionType': 'NONE'},
        ],
        'NextShardIterator': ITERATOR,
        'MillisBehindLatest': 1500,
    },
    'put_record': {'ShardId': 'shardId-000000000000', 'SequenceNumber': SEQ0},
    'put_records_failed': {
        'FailedRecordCount': 1,
        'Records': [
            {'SequenceNumber': SEQ1, 'ShardId': 'shardId-000000000001'},
            {'ErrorCode': 'ProvisionedThroughputExceededException',
             'ErrorMessage': 'Rate exceeded for shard shardId-000000000002 in stream Foo under account %s.' % ACCOUNT},
        ],
        'EncryptionType': 'NONE',
    },
    'get_shard_iterator': {'ShardIterator': ITERATOR},
    'list_tags': {'Tags': [{'Key': 'Entorno', 'Value': 'curso'}, {'Key': 'Owner', 'Value': 'José'}],
                  'HasMoreTags': False},
    'describe_limits': {'ShardLimit': 500, 'OpenShardCount': 3, 'OnDemandStreamCount': 0,
                        'OnDemandStreamCountLimit': 50},
    'list_stream_consumers': {'Consumers': [
        {'ConsumerName': 'app-1', 'ConsumerARN': ARN + 'Foo/consumer/app-1:1441215412',
         'ConsumerStatus': 'ACTIVE', 'ConsumerCreationTimestamp': 1441215412.25},
        {'ConsumerName': 'panel', 'ConsumerARN': ARN + 'Foo/consumer/panel:1441215413',
         'ConsumerStatus': 'CREATING', 'ConsumerCreationTimestamp': 1441215413.0},
    ]},
    'register_stream_consumer': {'Consumer': {
        'ConsumerName': 'app-1', 'ConsumerARN': ARN + 'Foo/consumer/app-1:1441215412',
        'ConsumerStatus': 'CREATING', 'ConsumerCreationTimestamp': 1441215412.25}},
    'empty': {},
    'edge_scalars': {'Zeta': '', 'Alpha': None, 'Mid': True, 'Off': False, 'Zero': 0, 'Tiny': 1.5e-07,
                     'Big': 1e16, 'Huge': 123456789012345678, 'Neg': -0.0, 'Third': 0.1 + 0.2,
                     'Quote': 'say "hi"\\ \t tab\nline', 'Ctrl': '\x01\x7f'},
    'edge_nested_empty': {'A': [], 'B': {}, 'C': [{}], 'D': [[]], 'E': [{'X': []}], 'F': {'G': {}}},
    'edge_unicode': {'Items': [{'Clave': 'camión', 'Valor': 'ñandú'}, {'Clave': '日本語', 'Valor': 'カタカナ'},
                               {'Clave': 'emoji 🚀', 'Valor': 'é\u0301'}]},
    'edge_mixed_keys': {'Items': [{'B': 1, 'A': 'x'}, {'C': [1, 2], 'A': 'y'}, {'B': {'D': 1}, 'E': 2.5}]},
    'edge_scalar_list': ['a', 'b', 3, 4.5, None, True],
    'edge_list_of_lists': [[1, 2], [3, 4], ['x', [5]]],
    'edge_dict_then_str': [{'A': 1}, 'loose'],
    'edge_str_then_dict': ['loose', {'A': 1}],
    'edge_wide': {'Row': {'A': 'x' * 30, 'B': 'y' * 30, 'C': 'z' * 30}},
    'edge_title_wider': {'K': 'v'},
}

# ---------------------------------------------------------------------------------------------
# Cases: (name, input, operation, query, version, width)

CASES = []


def case(name, inp, operation, query=None, version='v1', width=80):
    CASES.append({'name': name, 'input': inp, 'operation': operation, 'query': query,
                  'version': version, 'width': width})


OPERATIONS = {
    'describe_stream_1': 'DescribeStream', 'describe_stream_split': 'DescribeStream',
    'describe_stream_merged': 'DescribeStream', 'describe_stream_creating': 'DescribeStream',
    'describe_stream_summary': 'DescribeStreamSummary', 'list_streams': 'ListStreams',
    'list_streams_empty': 'ListStreams', 'list_shards': 'ListShards',
    'get_records_empty': 'GetRecords', 'get_records_2': 'GetRecords', 'put_record': 'PutRecord',
    'put_records_failed': 'PutRecords', 'get_shard_iterator': 'GetShardIterator',
    'list_tags': 'ListTagsForStream', 'describe_limits': 'DescribeLimits',
    'list_stream_consumers': 'ListStreamConsumers', 'register_stream_consumer': 'RegisterStreamConsumer',
    'empty': 'DeleteStream',
}
for inp, op in OPERATIONS.items():
    case(inp, inp, op)
for inp in ['describe_stream_split', 'describe_stream_summary', 'get_records_2', 'list_stream_consumers',
            'list_streams', 'register_stream_consumer']:
    case(inp + '_v2', inp, OPERATIONS[inp], version='v2')
for inp in [k for k in INPUT_DATA if k.startswith('edge_')]:
    case(inp, inp, 'Edge')
case('edge_wide_200', 'edge_wide', 'Edge', width=200)
case('edge_title_wider_long', 'edge_title_wider', 'AVeryLongOperationTitleThatIsWiderThanItsOnlyRow')
case('describe_stream_split_40', 'describe_stream_split', 'DescribeStream', width=40)
case('describe_stream_split_200', 'describe_stream_split', 'DescribeStream', width=200)
case('get_records_2_200', 'get_records_2', 'GetRecords', width=200)

Q = [
    # (name, input, query)
    ('q_string', 'describe_stream_1', 'StreamDescription.StreamName'),
    ('q_int', 'describe_stream_1', 'StreamDescription.RetentionPeriodHours'),
    ('q_float', 'get_records_2', 'Records[0].ApproximateArrivalTimestamp'),
    ('q_list', 'describe_stream_split', 'StreamDescription.Shards[].ShardId'),
    ('q_object', 'describe_stream_split', 'StreamDescription.Shards[0]'),
    ('q_objects', 'describe_stream_split', 'StreamDescription.Shards'),
    ('q_hash', 'describe_stream_split', 'StreamDescription.Shards[].{id: ShardId, range: HashKeyRange}'),
    ('q_hash_order', 'describe_stream_split', 'StreamDescription.Shards[].{Z: ShardId, A: ParentShardId, M: `1`}'),
    ('q_hash_top', 'describe_stream_1', '{Status: StreamDescription.StreamStatus, Name: StreamDescription.StreamName}'),
    ('q_multilist', 'describe_stream_1', 'StreamDescription.[StreamName, StreamStatus, RetentionPeriodHours]'),
    ('q_null', 'describe_stream_1', 'StreamDescription.Nope'),
    ('q_iterator', 'get_shard_iterator', 'ShardIterator'),
    ('q_length', 'describe_stream_split', 'length(StreamDescription.Shards)'),
    ('q_values', 'describe_stream_1', 'StreamDescription.*'),
    ('q_keys', 'describe_stream_1', 'keys(StreamDescription)'),
    ('q_values_fn', 'describe_stream_1', 'values(StreamDescription.StreamModeDetails)'),
    ('q_merge', 'describe_stream_1', 'merge(StreamDescription.Shards[0].HashKeyRange, `{"z": 1, "a": 2}`)'),
    ('q_literal_obj', 'empty', '`{"b": 1, "a": {"d": 2, "c": 3}}`'),
    ('q_to_string', 'describe_stream_1', 'to_string(StreamDescription.Shards[0].HashKeyRange)'),
    ('q_to_string_unicode', 'get_records_2', 'to_string(Records[1])'),
    ('q_sort_by', 'describe_stream_merged', 'sort_by(StreamDescription.Shards, &ShardId)[-1].ShardId'),
    ('q_str_compare', 'describe_stream_split', "StreamDescription.Shards[?ShardId > 'shardId-000000000000'].ShardId"),
    ('q_filter_null', 'describe_stream_split',
     'StreamDescription.Shards[?SequenceNumberRange.EndingSequenceNumber==null].ShardId'),
    ('q_legacy_literal', 'describe_stream_split', 'StreamDescription.Shards[?ParentShardId==`shardId-000000000000`].ShardId'),
    ('q_filter_records', 'get_records_2', "Records[?PartitionKey=='123']"),
    ('q_records_data', 'get_records_2', 'Records[].[PartitionKey, Data]'),
    ('q_sum_int', 'list_streams', 'sum(`[1, 2, 3]`)'),
    ('q_sum_float', 'list_streams', 'sum(`[1, 2.5]`)'),
    ('q_avg', 'list_streams', 'avg(`[1, 2, 3, 4]`)'),
    ('q_avg_empty', 'list_streams', 'avg(`[]`)'),
    ('q_floor', 'list_streams', 'floor(`1.5`)'),
    ('q_ceil_int', 'list_streams', 'ceil(`7`)'),
    ('q_abs', 'list_streams', 'abs(`-3`)'),
    ('q_max_mixed', 'list_streams', 'max(`[1, 2.5, 2]`)'),
    ('q_to_number', 'list_streams', "[to_number('12'), to_number(' 3.5 '), to_number('1_000'), to_number('x'), to_number('1e3')]"),
    ('q_eq_bool', 'list_streams', '[`1` == `true`, `0` == `false`, `[1]` == `[true]`, `1` == `1.0`, `2` == `true`]'),
    ('q_not_zero', 'list_streams', '[!`0`, !`""`, !`[]`, !`1`]'),
    ('q_type', 'describe_stream_1', "[type(@), type(StreamDescription.Shards), type(`1`), type('a'), type(`null`)]"),
    ('q_reverse_join', 'list_streams', "[reverse(StreamNames), join(', ', StreamNames), reverse('añb')]"),
    ('q_contains', 'list_streams', "[contains(StreamNames, 'Foo'), contains('ventas', 'ven'), contains(`[1]`, `true`)]"),
    ('q_min_by', 'list_stream_consumers', 'min_by(Consumers, &ConsumerCreationTimestamp).ConsumerName'),
    ('q_map', 'describe_stream_split', 'map(&ShardId, StreamDescription.Shards)'),
    ('q_pipe_index', 'describe_stream_split', 'StreamDescription.Shards[*].ShardId | [0]'),
    ('q_slice', 'describe_stream_merged', 'StreamDescription.Shards[::-2].ShardId'),
    ('q_not_null', 'describe_stream_split', 'StreamDescription.Shards[].not_null(AdjacentParentShardId, ParentShardId, `"root"`)'),
    ('q_flatten', 'list_streams', 'StreamSummaries[].[StreamName, StreamModeDetails.StreamMode][]'),
    ('q_v2_timestamp', 'get_records_2', 'Records[].ApproximateArrivalTimestamp'),
    ('q_empty_hash_on_null', 'describe_stream_1', 'Nope.{a: b}'),
    ('q_false', 'describe_limits', '`false`'),
    ('q_zero', 'describe_limits', 'OnDemandStreamCount'),
    ('q_empty_string', 'describe_limits', "''"),
    ('q_tags_unicode', 'list_tags', 'Tags[?Value==`"José"`]'),
    ('q_to_array_nested', 'list_tags', 'to_array(Tags[0])'),
    # --query errors: compile time
    ('qe_empty', 'describe_stream_1', ''),
    ('qe_incomplete', 'describe_stream_1', 'StreamDescription.Shards[0'),
    ('qe_dot_end', 'describe_stream_1', 'StreamDescription.'),
    ('qe_unclosed_raw', 'describe_stream_1', "StreamDescription.Shards[?ShardId=='abc]"),
    ('qe_unclosed_quote', 'describe_stream_1', '"StreamDescription'),
    ('qe_unclosed_literal', 'describe_stream_1', 'Shards[?a==`1]'),
    ('qe_unknown_char', 'describe_stream_1', 'StreamDescription$'),
    ('qe_single_eq', 'describe_stream_1', 'Shards[?ShardId=`x`]'),
    ('qe_space', 'describe_stream_1', 'Stream Description'),
    ('qe_rbracket', 'describe_stream_1', 'StreamDescription]'),
    ('qe_minus', 'describe_stream_1', 'Shards[-]'),
    ('qe_bad_escape', 'describe_stream_1', '"a\\qb"'),
    ('qe_or_end', 'describe_stream_1', 'a ||'),
    # --query errors: search time
    ('qe_unknown_function', 'describe_stream_1', 'nope(@)'),
    ('qe_arity', 'describe_stream_1', 'length(@, @)'),
    ('qe_arity_variadic', 'describe_stream_1', 'merge()'),
    ('qe_type', 'describe_stream_1', 'length(`1`)'),
    ('qe_subtype', 'describe_stream_1', 'sum(`["a", 1]`)'),
    ('qe_subtype_dynamic', 'describe_stream_1', 'max(`[1, "a"]`)'),
    ('qe_contains_str', 'describe_stream_1', "contains('abc', `1`)"),
    ('qe_compare_mixed', 'describe_stream_1', "`1` < 'a'"),
    ('qe_sort_by_type', 'describe_stream_split', 'sort_by(StreamDescription.Shards, &HashKeyRange)'),
    ('qe_min_by_mixed', 'describe_stream_1', 'min_by(`[{"a": 1}, {"a": "x"}]`, &a)'),
]
for name, inp, query in Q:
    case(name, inp, OPERATIONS.get(inp, 'Edge'), query=query)
case('q_v2_timestamp_v2', 'get_records_2', 'GetRecords', query='Records[].ApproximateArrivalTimestamp', version='v2')


# Bad expressions, for `parse_errors.json`: typos students make, then every truncation, every
# one-character deletion and some one-character insertions of the valid queries above, one in
# twelve of them (a fixed list, no randomness). The console words parse errors from the crate's parser; the test
# requires the `Bad value for --query <expression>: ` prefix for each and reports how many are
# word for word.
TYPOS = [
    'a.', 'a.1', '.a', ']', 'a]', 'a[', 'a[0', 'a[?b', 'a[?b==', 'a || ]', 'a | ', '{a}', '{a: }', '{a: b',
    '{:b}', 'a.{}', '[a,', '[a, ]', 'f(', 'f(a,', 'a[1:2:3:4]', 'a[x]', 'a..b', 'a.[', 'a.*.', '!', 'a &&',
    'a == ', '(a', 'a)', '5', 'a b', '`1` `2`', 'a[?b]c', '&', 'a[0]b', "a.'b'", 'Shards[].ShardId.',
    'StreamDescription..Shards', 'StreamDescription.Shards[0]]', 'StreamDescription.Shards[*].[ShardId', '@.',
    '*.', '[*', 'a[*]]', 'a.b.c.', 'a.(b)', 'a[?b==`1`', 'a.b[?c==d]].e', 'a,b', 'a:b',
]


def mutations():
    """The typos, then the truncations, deletions and insertions of the valid queries."""
    seen = set()
    out = []

    def consider(expression):
        if expression not in seen and expression:
            seen.add(expression)
            out.append(expression)

    for expression in TYPOS:
        consider(expression)
    for q in [q for (_, _, q) in Q if q and not _fails(q)]:
        for i in range(1, len(q)):
            consider(q[:i])
        for i in range(len(q)):
            consider(q[:i] + q[i + 1:])
        for i in range(0, len(q), 3):
            for c in '.[]{},:|':
                consider(q[:i] + c + q[i:])
    return out


def bad_expressions():
    out = []
    for expression in mutations():
        try:
            _resolve_query(expression)
        except ValueError as e:
            out.append((expression, str(e)))
    typos = len([e for e in out if e[0] in TYPOS])
    # Every 12th mutation keeps the file small and still covers every kind of error.
    return out[:typos] + out[typos::12]


def accepted_expressions():
    """The mutations the CLI accepts, with what it prints for them (json) on describe_stream_merged:
    a broad check of the evaluation, one in six of them."""
    data = INPUT_DATA['describe_stream_merged']
    out = []
    for expression in mutations():
        try:
            compiled = _resolve_query(expression)
        except ValueError:
            continue
        args = argparse.Namespace(query=compiled, color='off')
        stream = io.StringIO()
        try:
            get_formatter('json', args)('DescribeStream', copy.deepcopy(data), stream)
            out.append({'query': expression, 'json': stream.getvalue()})
        except Exception as e:
            out.append({'query': expression, 'error': str(e)})
    return out[::6]


def _fails(q):
    try:
        _resolve_query(q)
        return False
    except ValueError:
        return True


# ---------------------------------------------------------------------------------------------

def v2_timestamps(value):
    if isinstance(value, dict):
        return {k: (iso_format(v) if k in TIMESTAMP_MEMBERS and isinstance(v, (int, float)) else v2_timestamps(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [v2_timestamps(v) for v in value]
    return value


def write(path, text):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(text)


def main():
    os.makedirs(INPUTS, exist_ok=True)
    os.makedirs(GOLDEN, exist_ok=True)
    for old in os.listdir(GOLDEN):
        os.remove(os.path.join(GOLDEN, old))
    for name, data in INPUT_DATA.items():
        write(os.path.join(INPUTS, name + '.json'), json.dumps(data, indent=2, ensure_ascii=False) + '\n')
    counts = {'outputs': 0, 'errors': 0}
    for c in CASES:
        data = INPUT_DATA[c['input']]
        if c['version'] == 'v2':
            data = v2_timestamps(data)
        compiled = None
        if c['query'] is not None:
            try:
                compiled = _resolve_query(c['query'])
            except ValueError as e:
                write(os.path.join(GOLDEN, c['name'] + '.query-error'), str(e))
                counts['errors'] += 1
                continue
            try:
                compiled.search(copy.deepcopy(data))
            except Exception as e:  # the search raises inside the formatter, for every format
                write(os.path.join(GOLDEN, c['name'] + '.query-error'), str(e))
                counts['errors'] += 1
                continue
        awscli.table.determine_terminal_width = lambda default_width=80, w=c['width']: w
        for fmt in ['json', 'text', 'table']:
            args = argparse.Namespace(query=compiled, color='off')
            stream = io.StringIO()
            try:
                get_formatter(fmt, args)(c['operation'], copy.deepcopy(data), stream)
            except Exception as e:
                write(os.path.join(GOLDEN, '%s.%s.error' % (c['name'], fmt)), str(e))
                counts['errors'] += 1
                continue
            write(os.path.join(GOLDEN, '%s.%s' % (c['name'], fmt)), stream.getvalue())
            counts['outputs'] += 1
    write(os.path.join(HERE, 'cases.json'), json.dumps(CASES, indent=2, ensure_ascii=False) + '\n')
    errors = bad_expressions()
    write(os.path.join(HERE, 'parse_errors.json'),
          json.dumps([{'query': q, 'error': e} for q, e in errors], indent=1, ensure_ascii=False) + '\n')
    accepted = accepted_expressions()
    write(os.path.join(HERE, 'query_results.json'), json.dumps(accepted, indent=1, ensure_ascii=False) + '\n')
    print('%d bad expressions, %d accepted ones' % (len(errors), len(accepted)), file=sys.stderr)
    print('%d cases, %d inputs: %d outputs, %d errors' % (len(CASES), len(INPUT_DATA), counts['outputs'],
                                                          counts['errors']), file=sys.stderr)


if __name__ == '__main__':
    main()
