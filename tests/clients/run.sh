#!/usr/bin/env bash
# Real clients against the endpoint (release build), all on 127.0.0.1 (`make test-clients`):
#   1. the AWS CLI runs the course's tutorial (note 004) against the endpoint and against
#      kinesalite 3.3.3; the outputs are compared after normalisation (compare_tutorial.py);
#   2. boto3 runs the course's producer (note 003), then reads every record back;
#   3. the JS SDK v3 over HTTP/2: put/get and a SubscribeToShard event stream;
#   4. cbor2 sends what the Java SDK (and the KCL) send: CBOR blobs, epoch-ms timestamps, errors.
# Needs `make setup-clients` (target/clients/venv, tests/clients/node_modules) and
# tests/kinesalite/node_modules. Every server it starts is stopped by its pid on exit.
set -euo pipefail
export AWS_EC2_METADATA_DISABLED=true
SECONDS=0
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ENDPOINT_BIN=${ENDPOINT_BIN:-$ROOT/target/release/endpoint}
VENV=${CLIENTS_VENV:-$ROOT/target/clients/venv}
NODE=${NODE:-node}
KINESALITE=$ROOT/tests/kinesalite/node_modules/.bin/kinesalite
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { "$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; echo "nothing listens on $1" >&2; return 1; }

export PATH="$VENV/bin:$PATH" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=
unset AWS_PROFILE AWS_SESSION_TOKEN || true
export AWS_CONFIG_FILE="$WORK/none" AWS_SHARED_CREDENTIALS_FILE="$WORK/none"

# Both servers keep a stream CREATING for 5 s and DELETING for 3 s of wall time (the endpoint at
# speed 1; kinesalite told the same, its defaults being 500 ms), so the describe-stream right after
# create-stream and delete-stream sees CREATING and DELETING on both, as students do, even when a
# loaded machine takes a second or two to start the CLI.
EP_PORT=$(free_port)
"$ENDPOINT_BIN" --port "$EP_PORT" --speed 1 --dist "$WORK/no-dist" 2>"$WORK/endpoint.log" &
PIDS+=($!)
KL_PORT=$(free_port)
"$KINESALITE" --port "$KL_PORT" --createStreamMs 5000 --deleteStreamMs 3000 >"$WORK/kinesalite.log" 2>&1 &
PIDS+=($!)
wait_port "$EP_PORT"
wait_port "$KL_PORT"
EP=http://127.0.0.1:$EP_PORT

echo "clients: aws-cli $(aws --version 2>&1 | cut -d' ' -f1 | cut -d/ -f2), endpoint on $EP, kinesalite on :$KL_PORT"
ENDPOINT_URL=$EP "$HERE/tutorial.sh" >"$WORK/tutorial-endpoint.txt"
ENDPOINT_URL=http://127.0.0.1:$KL_PORT "$HERE/tutorial.sh" >"$WORK/tutorial-kinesalite.txt"
"$VENV/bin/python" "$HERE/compare_tutorial.py" "$WORK/tutorial-endpoint.txt" "$WORK/tutorial-kinesalite.txt"

ENDPOINT_URL=$EP "$VENV/bin/python" "$HERE/consumer.py" setup
ENDPOINT_URL=$EP EVENTS=3 "$VENV/bin/python" "$HERE/producer.py" >/dev/null
ENDPOINT_URL=$EP "$VENV/bin/python" "$HERE/consumer.py" check 3

(cd "$HERE" && ENDPOINT_URL=$EP NODE_NO_WARNINGS=1 "$NODE" js.mjs)
ENDPOINT_URL=$EP "$VENV/bin/python" "$HERE/cbor_client.py"
echo "clients: all passed in ${SECONDS} s"
