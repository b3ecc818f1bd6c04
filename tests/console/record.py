#!/usr/bin/env python3
"""Record the real AWS CLI's answers to console transcripts, against kinesalite.

Usage (from the repository root; python3 with the awscli package, stdlib only otherwise):

    python3 tests/console/record.py tests/console/transcripts/*.sh
    python3 tests/console/record.py --check tests/console/transcripts/*.sh   # re-record, diff, exit 1 on change
    python3 tests/console/record.py --kinesalite DIR ...   # DIR = the kinesalite package folder

For each transcript `T.sh` it starts a fresh kinesalite on 127.0.0.1 (a free port), runs the
transcript's lines one by one in ONE bash process (so `X=$(aws ...)` then `$X` work as in bash),
with the real `aws` pointed at kinesalite through AWS_ENDPOINT_URL (the lines themselves carry no
--endpoint-url), and writes `tests/console/fixtures/T.txt`.

Transcript format
-----------------
One shell line per line. Blank lines are skipped. A line whose first non-blank character is `#` is
a comment: it is copied into the fixture (as `# ...`) and not run. Every other line is run with
`eval` in the same bash process, stdin from /dev/null, stdout and stderr captured apart.
`sleep N` is a real sleep.

Fixture format
--------------
    # header comments (what made the file), then the transcript's comments where they stood
    $ <the line as written in the transcript>
    ? <exit status>
    --- stdout <n>[ noeol]
    <exactly n lines>
    --- stderr <m>[ noeol]
    <exactly m lines>
    <blank line>

- Lines are split on "\\n" only. The CLI's v1 usage text holds a carriage return ("usage: \\rNote:
  AWS CLI version 2..."); it is kept as the raw byte.
- `noeol`: the stream's last line had no final newline.
- Outside an entry, lines starting with `#` are comments and blank lines separate entries.
- An entry whose stdout and stderr are empty still has both `--- ` headers with 0.

Normalisation (applied to stdout and stderr only, never to the `$` line), each with its reason:
- Sequence numbers (runs of 40 or more digits; hash keys have at most 39) -> `<seq:N>`, N numbered
  by first appearance in the file, the same number always the same token. They embed the wall
  clock (kinesalite) or the virtual clock (the simulator).
- Shard iterators (`AAAAAAAAAA` + at least 20 more base64 characters, not all `A`) ->
  `<iterator:N>`, likewise. Opaque, encrypted with a
  time and a random key.
- Timestamps -> `<timestamp>`: decimal numbers of 10 digits (seconds, with or without a
  fraction) or 13 digits (milliseconds) whose value lies within two days of the recording, and
  ISO 8601 date-times. The wall clock differs on each run. (kinesalite sends
  StreamCreationTimestamp as an integer, AWS as a float; the placeholder hides that too.)
- The `aws --version` line -> v1: `aws-cli/<cli-version> Python/<python-version>
  <os>/<os-release> botocore/<botocore-version>`; v2: `aws-cli/<cli-version>
  Python/<python-version> <os>/<os-release> <source>/<machine>.<distro>`: the machine's kernel,
  distribution and the installed versions differ between machines; the real CLI version is in
  the fixture's header.
- The bash working directory (a fresh temporary folder, also $HOME) -> `<cwd>`.
- In `--output table` entries, a placeholder replaces the value AND the spaces after it, padded
  with spaces to the same width, so the table's columns stay aligned (cells are left-aligned,
  awscli/table.py align_left). A placeholder longer than value+spaces keeps its own length.
  Apply the same rules to the simulator's output before comparing.

Not normalised: ARNs (kinesalite is started with AWS_ACCOUNT_ID=000000000000 and
AWS_REGION=us-east-1, the simulator's account and region), stream and shard names, hash keys,
error messages, and everything the CLI itself prints.

Environment of the CLI: AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=x
AWS_DEFAULT_REGION=us-east-1, AWS_CONFIG_FILE=AWS_SHARED_CREDENTIALS_FILE=/dev/null, AWS_PAGER=
(empty), HOME=<cwd>, LC_ALL=C.UTF-8, TZ=UTC, AWS_EC2_METADATA_DISABLED=true, and
AWS_ENDPOINT_URL=http://127.0.0.1:<port>. stdout is a file, not a terminal: the table formatter
then assumes 80 columns (awscli/table.py determine_terminal_width) and no colour is used.

kinesalite runs with createStreamMs=5000 deleteStreamMs=3000 updateStreamMs=3000 shardLimit=500:
the engine's defaults (src/engine/mod.rs EngineConfig: 5 s CREATING, 3 s UPDATING and DELETING,
500 shards), so a transcript's `sleep N` means the same in the simulator and here.
"""

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_KINESALITE = os.path.join(REPO, 'tests', 'kinesalite', 'node_modules', 'kinesalite')
DEFAULT_OUT = os.path.join(HERE, 'fixtures')

ACCOUNT = '000000000000'
REGION = 'us-east-1'
KINESALITE_OPTIONS = {
    'createStreamMs': 5000,
    'deleteStreamMs': 3000,
    'updateStreamMs': 3000,
    'shardLimit': 500,
}
TRANSCRIPT_TIMEOUT_S = 900

# Starts kinesalite on 127.0.0.1 (its own CLI listens on every interface) and prints the port.
NODE_SERVER = r"""
const kinesalite = require(process.argv[1])
const options = JSON.parse(process.argv[2])
const server = kinesalite(options).listen(0, '127.0.0.1', () => {
  process.stdout.write(server.address().port + '\n')
})
process.on('SIGTERM', () => process.exit(0))
"""

# Runs one numbered line in the current shell; its variables stay for the next lines.
BASH_PRELUDE = r"""
__rec_run() {
  { eval "$(<"$__REC_DIR/cmd.$1")"; } >"$__REC_DIR/out.$1" 2>"$__REC_DIR/err.$1" </dev/null
  echo $? >"$__REC_DIR/rc.$1"
}
"""


def find_aws(explicit):
    """The real `aws` script: the one beside this Python, else the one on PATH."""
    if explicit:
        return os.path.abspath(explicit)
    beside = os.path.join(os.path.dirname(sys.executable), 'aws')
    if os.path.exists(beside):
        return beside
    found = shutil.which('aws')
    if not found:
        sys.exit('record.py: no `aws` found (pip install awscli, or pass --aws PATH)')
    return found


def read_transcript(path):
    """Returns [('comment', text) | ('cmd', line)] in order."""
    items = []
    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if not line.strip():
                continue
            if line.lstrip().startswith('#'):
                items.append(('comment', line.lstrip()))
            else:
                items.append(('cmd', line))
    return items


class Kinesalite:
    def __init__(self, package_dir):
        self.package_dir = package_dir
        self.proc = None
        self.port = None

    def __enter__(self):
        env = dict(os.environ, AWS_ACCOUNT_ID=ACCOUNT, AWS_REGION=REGION)
        self.proc = subprocess.Popen(
            ['node', '-e', NODE_SERVER, self.package_dir, json.dumps(KINESALITE_OPTIONS)],
            stdout=subprocess.PIPE, env=env, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.isdigit():
            self.proc.kill()
            sys.exit(f'record.py: kinesalite did not start (got {line!r})')
        self.port = int(line)
        return self

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def run_transcript(items, aws, port, work):
    """Runs the commands in one bash; returns [(rc, stdout bytes, stderr bytes)] per command."""
    rec_dir = os.path.join(work, '.rec')
    os.mkdir(rec_dir)
    cmds = [text for kind, text in items if kind == 'cmd']
    script = [BASH_PRELUDE]
    for i, cmd in enumerate(cmds):
        with open(os.path.join(rec_dir, f'cmd.{i}'), 'w', encoding='utf-8') as f:
            f.write(cmd)
        script.append(f'__rec_run {i}\n')
    with open(os.path.join(rec_dir, 'driver.sh'), 'w', encoding='utf-8') as f:
        f.write(''.join(script))
    env = {
        'PATH': os.path.dirname(aws) + ':/usr/local/bin:/usr/bin:/bin',
        'HOME': work,
        'LC_ALL': 'C.UTF-8',
        'LANG': 'C.UTF-8',
        'TZ': 'UTC',
        'AWS_ACCESS_KEY_ID': 'AKIDEXAMPLE',
        'AWS_SECRET_ACCESS_KEY': 'x',
        'AWS_DEFAULT_REGION': REGION,
        'AWS_CONFIG_FILE': '/dev/null',
        'AWS_SHARED_CREDENTIALS_FILE': '/dev/null',
        'AWS_PAGER': '',
        'AWS_EC2_METADATA_DISABLED': 'true',
        'AWS_ENDPOINT_URL': f'http://127.0.0.1:{port}',
        '__REC_DIR': rec_dir,
    }
    subprocess.run(['bash', '--noprofile', '--norc', os.path.join(rec_dir, 'driver.sh')],
                   cwd=work, env=env, stdin=subprocess.DEVNULL, timeout=TRANSCRIPT_TIMEOUT_S,
                   check=False)
    results = []
    for i, cmd in enumerate(cmds):
        try:
            with open(os.path.join(rec_dir, f'rc.{i}'), encoding='utf-8') as f:
                rc = int(f.read().strip())
            with open(os.path.join(rec_dir, f'out.{i}'), 'rb') as f:
                out = f.read()
            with open(os.path.join(rec_dir, f'err.{i}'), 'rb') as f:
                err = f.read()
        except FileNotFoundError:
            sys.exit(f'record.py: line {cmd!r} did not finish (did the transcript exit early?)')
        results.append((rc, out, err))
    return results


class Normaliser:
    """Replaces run-dependent values by named placeholders, numbered per file."""

    SEQ = re.compile(r'(?<![0-9])[0-9]{40,}(?![0-9])')
    ITERATOR = re.compile(r'AAAAAAAAAA[A-Za-z0-9+/]{20,}={0,2}')
    NUMBER = re.compile(r'(?<![0-9A-Za-z.])([0-9]{10}|[0-9]{13})(\.[0-9]+)?(?![0-9A-Za-z])')
    ISO = re.compile(r'\b[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?'
                     r'(Z|[+-][0-9]{2}:?[0-9]{2})?')
    # v1: aws-cli/1.45.11 Python/3.11.7 Linux/6.1.0 botocore/1.43.11
    # v2: aws-cli/2.36.7 Python/3.13.9 Linux/6.1.0 exe/x86_64.ubuntu.24 (source/... when run from source)
    VERSION_V1 = re.compile(r'aws-cli/\S+ Python/\S+ (\S+?)/\S+ botocore/\S+')
    VERSION_V2 = re.compile(r'aws-cli/2\S* Python/\S+ (\S+?)/\S+ (\S+?)/([^.\s]+)\S*')

    def __init__(self, cwd, t0, t1):
        self.cwd = cwd
        self.lo = t0 - 2 * 86400
        self.hi = t1 + 2 * 86400
        self.tokens = {'seq': {}, 'iterator': {}}

    def token(self, kind, value):
        table = self.tokens[kind]
        if value not in table:
            table[value] = f'<{kind}:{len(table) + 1}>'
        return table[value]

    def iterator(self, m):
        value = m.group(0).rstrip(' ')
        if set(value) <= {'A'}:  # a run of A's (a long stream name in errors.sh), not base64
            return m.group(0)
        return self.token('iterator', value)

    def is_timestamp(self, m):
        n = int(m.group(1))
        if len(m.group(1)) == 13:
            n //= 1000
        return self.lo <= n <= self.hi

    def text(self, s, table):
        def sub(pattern, repl, s):
            # In tables, eat the spaces after the value too and pad, so the columns stay aligned.
            if table:
                pattern = re.compile('(?:' + pattern.pattern + ')( *)')

                def padded(m):
                    r = repl(m)
                    return r if r == m.group(0) else r.ljust(len(m.group(0)))
                return pattern.sub(padded, s)
            return pattern.sub(repl, s)

        s = s.replace(self.cwd, '<cwd>')
        s = self.VERSION_V1.sub(lambda m: f'aws-cli/<cli-version> Python/<python-version> '
                                f'{m.group(1)}/<os-release> botocore/<botocore-version>', s)
        s = self.VERSION_V2.sub(lambda m: f'aws-cli/<cli-version> Python/<python-version> '
                                f'{m.group(1)}/<os-release> <source>/{m.group(3)}.<distro>', s)
        s = sub(self.ITERATOR, self.iterator, s)
        s = sub(self.SEQ, lambda m: self.token('seq', m.group(0).rstrip(' ')), s)
        s = sub(self.ISO, lambda m: '<timestamp>', s)
        s = sub(self.NUMBER, lambda m: '<timestamp>' if self.is_timestamp(m) else m.group(0), s)
        return s


def block(name, data):
    text = data.decode('utf-8', errors='backslashreplace')
    if not text:
        return [f'--- {name} 0']
    noeol = not text.endswith('\n')
    lines = text.split('\n')
    if not noeol:
        lines = lines[:-1]
    return [f'--- {name} {len(lines)}' + (' noeol' if noeol else '')] + lines


def is_table(cmd):
    return re.search(r'--output[= ]+table\b', cmd) is not None


def versions(aws):
    """The `aws --version` line less the machine's OS release."""
    out = subprocess.run([aws, '--version'], capture_output=True, text=True,
                         env=dict(os.environ, AWS_CONFIG_FILE='/dev/null'))
    line = (out.stdout + out.stderr).strip()
    line = re.sub(r' \S+/\S+ botocore/', ' botocore/', line)  # v1
    return re.sub(r' (Linux|Darwin)/\S+ ', ' ', line)  # v2


def kinesalite_version(package_dir):
    try:
        with open(os.path.join(package_dir, 'package.json'), encoding='utf-8') as f:
            return json.load(f)['version']
    except OSError:
        return '?'


def record(path, aws, kinesalite_dir, out_dir):
    items = read_transcript(path)
    name = os.path.splitext(os.path.basename(path))[0]
    work = tempfile.mkdtemp(prefix='console-record-')
    try:
        t0 = time.time()
        with Kinesalite(kinesalite_dir) as k:
            results = run_transcript(items, aws, k.port, work)
        t1 = time.time()
        norm = Normaliser(work, t0, t1)
        opts = ' '.join(f'{k}={v}' for k, v in KINESALITE_OPTIONS.items())
        lines = [
            f'# Recorded by tests/console/record.py from tests/console/transcripts/{name}.sh;'
            ' format and placeholders: tests/console/README.md.',
            f'# {versions(aws)}; kinesalite {kinesalite_version(kinesalite_dir)} ({opts}),'
            f' account {ACCOUNT}, region {REGION}.',
            '',
        ]
        it = iter(results)
        for kind, text in items:
            if kind == 'comment':
                lines.append(text)
                continue
            rc, out, err = next(it)
            table = is_table(text)
            lines.append(f'$ {text}')
            lines.append(f'? {rc}')
            for label, data in (('stdout', out), ('stderr', err)):
                blk = block(label, data)
                lines.append(blk[0])
                lines.extend(norm.text(line, table) for line in blk[1:])
            lines.append('')
        os.makedirs(out_dir, exist_ok=True)
        target = os.path.join(out_dir, name + '.txt')
        with open(target, 'w', encoding='utf-8', newline='') as f:
            f.write('\n'.join(lines))
        return target
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('transcripts', nargs='+')
    ap.add_argument('--kinesalite', default=os.environ.get('KINESALITE_DIR', DEFAULT_KINESALITE),
                    help='the kinesalite package folder (default: tests/kinesalite/node_modules/'
                    'kinesalite, installed by `make setup`; or $KINESALITE_DIR)')
    ap.add_argument('--aws', help='the aws executable (default: beside this python, else PATH)')
    ap.add_argument('--out', default=DEFAULT_OUT, help='fixture folder')
    ap.add_argument('--check', action='store_true',
                    help='record into a temporary folder and diff against --out')
    args = ap.parse_args()
    if not os.path.exists(os.path.join(args.kinesalite, 'package.json')):
        sys.exit(f'record.py: no kinesalite at {args.kinesalite} (run `make setup`, or pass '
                 '--kinesalite DIR)')
    aws = find_aws(args.aws)
    out_dir = tempfile.mkdtemp(prefix='console-check-') if args.check else args.out
    changed = 0
    for path in args.transcripts:
        started = time.time()
        target = record(path, aws, args.kinesalite, out_dir)
        took = time.time() - started
        if args.check:
            old_path = os.path.join(args.out, os.path.basename(target))
            old = open(old_path, encoding='utf-8', newline='').read().split('\n') \
                if os.path.exists(old_path) else []
            new = open(target, encoding='utf-8', newline='').read().split('\n')
            diff = list(difflib.unified_diff(old, new, old_path, target, lineterm=''))
            changed += bool(diff)
            print(f'{"CHANGED" if diff else "same"} {old_path} ({took:.0f} s)')
            for line in diff:
                print(line)
        else:
            print(f'wrote {os.path.relpath(target)} ({took:.0f} s)')
    if args.check:
        shutil.rmtree(out_dir, ignore_errors=True)
        sys.exit(1 if changed else 0)


if __name__ == '__main__':
    main()
