"""Compares the course's CLI tutorial run against the endpoint and against kinesalite 3.3.3.

Usage: compare_tutorial.py OURS.txt KINESALITE.txt

Each file is tutorial.sh's output: "### <command>" sections with the CLI's output. Values that
differ by nature are normalised (timestamps, sequence numbers, shard iterators, lag). What is
left must be identical, except the differences below, where kinesalite 3.3.3 (2020) is
outdated and the endpoint follows current AWS; each is printed with its source when seen.
"""
import json
import re
import sys

# (command prefix, top-level key, why the endpoint differs, source)
KNOWN = [
    ("kinesis list-streams", "StreamSummaries",
     "AWS ListStreams answers StreamSummaries (name, ARN, status, mode, creation time) beside "
     "StreamNames; kinesalite predates the field",
     "https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreams.html"),
    ("kinesis put-record", "EncryptionType",
     "PutRecord's output has EncryptionType (NONE or KMS) in the current API; kinesalite omits it "
     "for unencrypted streams",
     "https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html"),
]

SEQ = re.compile(r"^\d{40,}$")


def normalise(value, key=None):
    if isinstance(value, dict):
        return {k: normalise(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v, key) for v in value]
    if key and key.endswith("Timestamp") and isinstance(value, (int, float)):
        return "<timestamp>"
    if key in ("ShardIterator", "NextShardIterator") and isinstance(value, str):
        return "<iterator>"
    if key == "MillisBehindLatest":
        return "<ms>"
    if isinstance(value, str) and SEQ.match(value):
        return "<sequence-number>"
    return value


def sections(path):
    out, name, lines = [], None, []
    for line in open(path, encoding="utf-8").read().splitlines():
        if line.startswith("### "):
            if name is not None:
                out.append((name, "\n".join(lines)))
            name, lines = line[4:], []
        else:
            lines.append(line)
    if name is not None:
        out.append((name, "\n".join(lines)))
    return out


def parse(text):
    body = "\n".join(l for l in text.splitlines() if not l.startswith("exit "))
    code = [l for l in text.splitlines() if l.startswith("exit ")]
    try:
        return normalise(json.loads(body)) if body.strip() else None, code
    except json.JSONDecodeError:
        return body.strip(), code


def main(ours_path, theirs_path):
    ours, theirs = sections(ours_path), sections(theirs_path)
    if [n for n, _ in ours] != [n for n, _ in theirs]:
        print("tutorial: the two runs have different steps", file=sys.stderr)
        return 1
    failures, seen = 0, []
    for (name, a), (_, b) in zip(ours, theirs):
        va, ca = parse(a)
        vb, cb = parse(b)
        for prefix, key, why, source in KNOWN:
            if name.startswith(prefix) and isinstance(va, dict) and isinstance(vb, dict):
                if va.get(key) != vb.get(key):
                    seen.append(f"  {name}: {key}: {why} ({source})")
                va.pop(key, None)
                vb.pop(key, None)
        if (va, ca) != (vb, cb):
            failures += 1
            print(f"tutorial: step differs: {name}\n  endpoint:   {json.dumps(va)} {ca}\n"
                  f"  kinesalite: {json.dumps(vb)} {cb}", file=sys.stderr)
    print(f"tutorial: {len(ours)} steps, {len(ours) - failures} identical after normalisation, "
          f"{len(seen)} known differences where kinesalite 3.3.3 is outdated:")
    for s in seen:
        print(s)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
