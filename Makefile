# Kinesis Playground — build, check and test entry points.
#
# `make test` is the project's test command; CI runs it through .ci/run. It goes fastest first:
#
#   setup ─► check ─► test-engine ─► bench-build ─► wasm ─► test-kinesalite ─► test-web ─► test-e2e
#   (tools)  (fmt,     (tiers a+b,     (benches      (lib for  (tier c: engine vs   (tier d:     (tier e: release
#             clippy    cargo test      still         wasm32)   kinesalite 3.3.3)    wasm-bindgen  build under /sub/,
#             x2)       --release)      compile)                                     -test in      playwright-core
#                                                                                    Chromium)     in Chromium)
#
# `make serve` builds the release app (what students load, what the figures measure) and serves it on
# http://127.0.0.1:8080, rebuilding on change (about 3 minutes a build); `make serve-dev` serves
# trunk's unoptimised dev build, which rebuilds in seconds but runs several times slower.
# `make build` writes the release app to dist/.
# `make bench` runs the criterion benches, `make bench-web` the browser frame benchmark and
# `make bench-wasm` the engine in wasm next to native; none is part of `make test`.
# Every tool is a variable, so `make test CARGO=cargo +1.95` or `NODE=/opt/node/bin/node` work.
#
# Setup installs what is missing and skips what is there at the right version:
#   setup-rust          the wasm32-unknown-unknown target (rustup)
#   setup-node          Node.js >= 20 check; kinesalite's npm packages (tier c)
#   setup-trunk         trunk at TRUNK_VERSION (cargo install --locked; about 7 minutes on 2 cores)
#   setup-wasm-bindgen  wasm-bindgen-cli at the version of wasm-bindgen in Cargo.lock (cargo install;
#                       about 4 minutes)
#   setup-chromium      Debian's chromium + chromium-driver (apt-get: needs root or passwordless sudo)
#   setup-e2e           tests/e2e's npm packages: playwright-core (tier e)
# Trunk runs offline (TRUNK_OFFLINE=true): it never downloads a tool, it uses the ones above from PATH.
# (index.html keeps wasm-opt off: trunk would otherwise need a wasm-opt on PATH.)

CARGO ?= cargo
RUSTUP ?= rustup
RUSTC ?= rustc
NODE ?= node
NPM ?= npm
WASM_TARGET ?= wasm32-unknown-unknown
TRUNK ?= trunk
TRUNK_VERSION := 0.21.14
WASM_BINDGEN ?= wasm-bindgen
WASM_BINDGEN_TEST_RUNNER ?= wasm-bindgen-test-runner
# The CLI must be exactly the version of the `wasm-bindgen` crate in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;q;}' Cargo.lock 2>/dev/null)
CHROMIUM ?= /usr/bin/chromium
CHROMEDRIVER ?= /usr/bin/chromedriver
APT_GET ?= apt-get
# Where `make serve` listens.
SERVE_ADDRESS ?= 127.0.0.1
SERVE_PORT ?= 8080
# `make build PUBLIC_URL=/repo/` builds for a site served under /repo/ (GitHub Pages).
PUBLIC_URL ?= /

# `cargo install` puts trunk and wasm-bindgen there; it comes first, so these exact versions win
# over any other copy on PATH.
CARGO_BIN := $(or $(CARGO_INSTALL_ROOT),$(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CARGO_BIN):$(PATH)
# Trunk never downloads tools (nor checks for updates); it also passes --offline to cargo, so the
# recipes that run trunk `cargo fetch` first.
TRUNK_OFFLINE ?= true
export TRUNK_OFFLINE

KINESALITE_DIR := tests/kinesalite
KINESALITE_STAMP := $(KINESALITE_DIR)/node_modules/.package-lock.json
KINESALITE_LOCK := $(KINESALITE_DIR)/package-lock.json
# Where cargo puts the replay runner (honours CARGO_TARGET_DIR); passed to the cross-check.
REPLAY_BIN ?= $(abspath $(or $(CARGO_TARGET_DIR),target)/release/examples/replay)

E2E_DIR := tests/e2e
E2E_STAMP := $(E2E_DIR)/node_modules/.package-lock.json
E2E_LOCK := $(E2E_DIR)/package-lock.json
# Tier (e) builds into its own directory, so it never clobbers dist/.
E2E_DIST ?= $(abspath $(or $(CARGO_TARGET_DIR),target)/e2e-dist)
E2E_PUBLIC_URL := /sub/

# The targets depend on one another in order; cargo parallelises inside each step.
.NOTPARALLEL:
.DEFAULT_GOAL := help
.PHONY: help setup setup-rust setup-node setup-trunk setup-wasm-bindgen setup-chromium setup-e2e \
	check test-engine bench-build wasm test-kinesalite test-web test-e2e bench bench-web size size-map serve serve-dev build test \
	setup-clients test-clients endpoint bench-endpoint setup-kinesalite-suite test-kinesalite-suite bench-wasm

help:
	@echo "make serve            install what is missing, then serve the release app on http://$(SERVE_ADDRESS):$(SERVE_PORT)"
	@echo "make serve-dev        the same with trunk's dev build (fast rebuilds, slow app; for developers)"
	@echo "make build            release build into dist/ (PUBLIC_URL=/repo/ for a site under /repo/)"
	@echo "make setup            install what the tests need (wasm32 target, npm deps, trunk $(TRUNK_VERSION),"
	@echo "                      wasm-bindgen-cli $(WASM_BINDGEN_VERSION), chromium + chromedriver); idempotent"
	@echo "make check            rustfmt check, clippy native and wasm32 with -D warnings"
	@echo "make test-engine      engine tests, tiers (a) and (b): cargo test --release"
	@echo "make wasm             build the library for $(WASM_TARGET)"
	@echo "make test-kinesalite  tier (c): replay runner vs kinesalite 3.3.3 on 127.0.0.1"
	@echo "make test-web         tier (d): tests/web.rs with wasm-bindgen-test in headless Chromium"
	@echo "make test-e2e         tier (e): release build under /sub/, driven by playwright-core in Chromium"
	@echo "make bench            criterion benches (not part of make test)"
	@echo "make bench-web        frame times per view in Chromium, release build (not part of make test)"
	@echo "make size             release build into dist/, then every file's raw/gzip/brotli size and the wasm+js budget"
	@echo "make size-map         where the wasm's bytes go (twiggy, by module, generic family, function)"
	@echo "make bench-wasm       the PutRecord workload in headless Chromium (wasm32) next to native (not part of make test)"
	@echo "make endpoint         build the app into dist/, then the local Kinesis endpoint on http://$(ENDPOINT_HOST):$(ENDPOINT_PORT)"
	@echo "make test-clients     real clients (aws CLI vs kinesalite, boto3, JS SDK v3 h2c, cbor2) against the endpoint"
	@echo "make bench-endpoint   the same HTTP workload on kinesalite 3.3.3, ferrokinesis and the endpoint"
	@echo "make test-kinesalite-suite  kinesalite 3.3.3's own mocha suite vs the endpoint, checked against"
	@echo "                      tests/kinesalite/suite/classification.json (about 7 minutes; not part of make test)"
	@echo "make test             setup check test-engine bench-build wasm test-kinesalite test-web test-e2e"
	@echo "                      (what CI runs)"

# ---------------------------------------------------------------------------------------------
# setup: each step says what it does and is skipped when already satisfied.

setup: setup-rust setup-node setup-trunk setup-wasm-bindgen setup-chromium setup-e2e setup-clients
	@echo "setup: done"

setup-rust:
	@command -v $(CARGO) >/dev/null 2>&1 || { \
	  echo "setup: '$(CARGO)' not found; install the Rust toolchain with rustup first" >&2; exit 1; }
	@if [ -d "$$($(RUSTC) --print sysroot)/lib/rustlib/$(WASM_TARGET)" ]; then \
	  echo "setup: rust target $(WASM_TARGET) already installed"; \
	else \
	  command -v $(RUSTUP) >/dev/null 2>&1 || { \
	    echo "setup: rust target $(WASM_TARGET) is missing and '$(RUSTUP)' is not available to add it" >&2; exit 1; }; \
	  echo "setup: $(RUSTUP) target add $(WASM_TARGET)"; \
	  $(RUSTUP) target add $(WASM_TARGET) || { \
	    echo "setup: could not install the rust target $(WASM_TARGET) (rustup target add failed)" >&2; exit 1; }; \
	fi

setup-node:
	@command -v $(NODE) >/dev/null 2>&1 || { \
	  echo "setup: '$(NODE)' not found; the kinesalite cross-check needs Node.js >= 20 (e.g. apt-get install nodejs npm)" >&2; exit 1; }
	@command -v $(NPM) >/dev/null 2>&1 || { \
	  echo "setup: '$(NPM)' not found; it installs the kinesalite cross-check's dependencies (e.g. apt-get install npm)" >&2; exit 1; }
	@$(NODE) -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' || { \
	  echo "setup: Node.js >= 20 is needed (found $$($(NODE) --version)): the cross-check uses fetch and AbortSignal.timeout" >&2; exit 1; }
	@# npm ci writes node_modules/.package-lock.json: newer than the lock file means up to date.
	@# kinesalite's optional leveldown is left out: kinesalite keeps its data in memdown.
	@if [ -f $(KINESALITE_STAMP) ] && [ $(KINESALITE_STAMP) -nt $(KINESALITE_LOCK) ]; then \
	  echo "setup: $(KINESALITE_DIR)/node_modules matches package-lock.json"; \
	else \
	  echo "setup: npm ci in $(KINESALITE_DIR) (kinesalite@3.3.3, no optional deps, no install scripts)"; \
	  (cd $(KINESALITE_DIR) && $(NPM) ci --omit=optional --ignore-scripts --no-audit --no-fund) || { \
	    echo "setup: npm ci failed in $(KINESALITE_DIR); is the npm registry reachable?" >&2; exit 1; }; \
	fi

setup-trunk: setup-rust
	@if [ "$$($(TRUNK) --version 2>/dev/null)" = "trunk $(TRUNK_VERSION)" ]; then \
	  echo "setup: trunk $(TRUNK_VERSION) already installed"; \
	else \
	  echo "setup: $(CARGO) install --locked trunk --version $(TRUNK_VERSION) (found: $$($(TRUNK) --version 2>/dev/null || echo none); takes about 7 minutes on 2 cores)"; \
	  $(CARGO) install --locked trunk --version $(TRUNK_VERSION) || { \
	    echo "setup: could not install trunk $(TRUNK_VERSION) (cargo install failed; is crates.io reachable?)" >&2; exit 1; }; \
	  [ "$$($(TRUNK) --version 2>/dev/null)" = "trunk $(TRUNK_VERSION)" ] || { \
	    echo "setup: installed trunk $(TRUNK_VERSION) into $(CARGO_BIN), but '$(TRUNK)' on PATH is '$$($(TRUNK) --version 2>&1)'" >&2; exit 1; }; \
	fi

# Not --locked: the Cargo.lock shipped with wasm-bindgen-cli 0.2.130 pins webpki-roots 1.0.11,
# which the crates.io index does not offer, so `cargo install --locked` fails to resolve.
setup-wasm-bindgen: setup-rust
	@[ -n "$(WASM_BINDGEN_VERSION)" ] || { \
	  echo "setup: no wasm-bindgen package in Cargo.lock, so no wasm-bindgen-cli version to match" >&2; exit 1; }
	@if [ "$$($(WASM_BINDGEN) --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] && \
	    [ "$$($(WASM_BINDGEN_TEST_RUNNER) --version 2>/dev/null)" = "wasm-bindgen-test-runner $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "setup: wasm-bindgen-cli $(WASM_BINDGEN_VERSION) already installed (matches Cargo.lock)"; \
	else \
	  echo "setup: $(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) (Cargo.lock's wasm-bindgen; found: $$($(WASM_BINDGEN) --version 2>/dev/null || echo none); takes about 4 minutes)"; \
	  $(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) || { \
	    echo "setup: could not install wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (cargo install failed; is crates.io reachable?)" >&2; exit 1; }; \
	  [ "$$($(WASM_BINDGEN) --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] || { \
	    echo "setup: installed wasm-bindgen-cli $(WASM_BINDGEN_VERSION) into $(CARGO_BIN), but '$(WASM_BINDGEN)' on PATH is '$$($(WASM_BINDGEN) --version 2>&1)'" >&2; exit 1; }; \
	fi

# Debian's packages: chromium and its matching chromedriver. apt-get needs root: as root it runs
# directly, otherwise through passwordless `sudo -n`; if neither works it says what to run.
setup-chromium:
	@if [ -x "$(CHROMIUM)" ] && [ -x "$(CHROMEDRIVER)" ]; then \
	  echo "setup: chromium and chromedriver already installed ($(CHROMIUM), $(CHROMEDRIVER))"; \
	else \
	  command -v $(APT_GET) >/dev/null 2>&1 || { \
	    echo "setup: $(CHROMIUM) or $(CHROMEDRIVER) is missing and there is no $(APT_GET) to install them;" \
	         "install Chromium and a chromedriver of the same version, then pass CHROMIUM=... CHROMEDRIVER=..." >&2; exit 1; }; \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
	  else \
	    echo "setup: $(CHROMIUM) or $(CHROMEDRIVER) is missing; installing them needs root. Run" \
	         "'sudo apt-get install -y chromium chromium-driver' (or run make as root) and try again" >&2; exit 1; \
	  fi; \
	  echo "setup: $${sudo:+$$sudo }$(APT_GET) install -y chromium chromium-driver"; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive $(APT_GET) update -q && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -q chromium chromium-driver || { \
	    echo "setup: apt-get could not install chromium and chromium-driver (are Debian's package servers reachable?)" >&2; exit 1; }; \
	fi
	@# chromedriver only drives the Chromium of its own major version.
	@browser=$$($(CHROMIUM) --version 2>/dev/null | sed -n 's/^[^0-9]*\([0-9][0-9]*\)\..*/\1/p'); \
	driver=$$($(CHROMEDRIVER) --version 2>/dev/null | sed -n 's/^[^0-9]*\([0-9][0-9]*\)\..*/\1/p'); \
	if [ -z "$$browser" ] || [ "$$browser" != "$$driver" ]; then \
	  echo "setup: chromium ($$($(CHROMIUM) --version 2>/dev/null | head -n 1)) and chromedriver ($$($(CHROMEDRIVER) --version 2>/dev/null | head -n 1))" \
	       "must have the same major version" >&2; exit 1; \
	fi

# playwright-core drives the system Chromium; npm ci --ignore-scripts, so it downloads no browser.
setup-e2e: setup-node
	@if [ -f $(E2E_STAMP) ] && [ $(E2E_STAMP) -nt $(E2E_LOCK) ]; then \
	  echo "setup: $(E2E_DIR)/node_modules matches package-lock.json"; \
	else \
	  echo "setup: npm ci in $(E2E_DIR) (playwright-core, no install scripts, no browser download)"; \
	  (cd $(E2E_DIR) && $(NPM) ci --ignore-scripts --no-audit --no-fund) || { \
	    echo "setup: npm ci failed in $(E2E_DIR); is the npm registry reachable?" >&2; exit 1; }; \
	fi

# ---------------------------------------------------------------------------------------------
# checks and tests

check:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings
	$(CARGO) clippy --lib --bins --test web --target $(WASM_TARGET) -- -D warnings

test-engine:
	$(CARGO) test --release

# Keeps the benches compiling without running them.
bench-build:
	$(CARGO) bench --no-run

# The library for wasm32, and the browser side of `make bench-wasm` (only the example's own
# crate on top of the library: a few seconds), so that it keeps compiling.
wasm:
	$(CARGO) build --lib --target $(WASM_TARGET) --release
	$(CARGO) build --example engine_workload --target $(WASM_TARGET) --release

test-kinesalite:
	$(CARGO) build --release --example replay
	REPLAY_BIN='$(REPLAY_BIN)' $(NODE) $(KINESALITE_DIR)/crosscheck.mjs

# The local endpoint's real clients (tests/clients/run.sh): the AWS CLI (PyPI awscli) and boto3
# in a venv under target/clients, the JS SDK v3 in tests/clients/node_modules, cbor2. The stamps
# are newer than the pinned lists when the install is up to date.
CLIENTS_DIR := tests/clients
CLIENTS_VENV := $(abspath $(or $(CARGO_TARGET_DIR),target)/clients/venv)
CLIENTS_VENV_STAMP := $(CLIENTS_VENV)/.requirements.stamp
CLIENTS_NPM_STAMP := $(CLIENTS_DIR)/node_modules/.package-lock.json
PYTHON ?= python3
ENDPOINT_HOST ?= 127.0.0.1
ENDPOINT_PORT ?= 4567
ENDPOINT_FLAGS ?=
ENDPOINT_BIN ?= $(abspath $(or $(CARGO_TARGET_DIR),target)/release/endpoint)
FERROKINESIS_VERSION := 0.7.0
PEERS_ROOT := $(abspath $(or $(CARGO_TARGET_DIR),target)/peers)

setup-clients: setup-node
	@if [ -f $(CLIENTS_VENV_STAMP) ] && [ $(CLIENTS_VENV_STAMP) -nt $(CLIENTS_DIR)/requirements.txt ]; then \
	  echo "setup: $(CLIENTS_VENV) matches $(CLIENTS_DIR)/requirements.txt"; \
	else \
	  echo "setup: python venv $(CLIENTS_VENV) (awscli, boto3, cbor2)"; \
	  $(PYTHON) -m venv $(CLIENTS_VENV) && $(CLIENTS_VENV)/bin/pip install --quiet -r $(CLIENTS_DIR)/requirements.txt \
	    && touch $(CLIENTS_VENV_STAMP) || { echo "setup: pip install failed; is PyPI reachable?" >&2; exit 1; }; \
	fi
	@if [ -f $(CLIENTS_NPM_STAMP) ] && [ $(CLIENTS_NPM_STAMP) -nt $(CLIENTS_DIR)/package-lock.json ]; then \
	  echo "setup: $(CLIENTS_DIR)/node_modules matches package-lock.json"; \
	else \
	  echo "setup: npm ci in $(CLIENTS_DIR) (@aws-sdk/client-kinesis, @smithy/node-http-handler)"; \
	  (cd $(CLIENTS_DIR) && $(NPM) ci --ignore-scripts --no-audit --no-fund) || { \
	    echo "setup: npm ci failed in $(CLIENTS_DIR); is the npm registry reachable?" >&2; exit 1; }; \
	fi

test-clients: setup-clients
	$(CARGO) build --release --bin endpoint
	ENDPOINT_BIN='$(ENDPOINT_BIN)' CLIENTS_VENV='$(CLIENTS_VENV)' NODE='$(NODE)' $(CLIENTS_DIR)/run.sh

# The local endpoint with the web app beside it: `make endpoint ENDPOINT_FLAGS="--state kinesis.jsonl"`.
endpoint: build
	$(CARGO) run --release --bin endpoint -- --host $(ENDPOINT_HOST) --port $(ENDPOINT_PORT) --dist dist $(ENDPOINT_FLAGS)

bench-endpoint: setup-node
	@# cargo install skips a crate already installed at that version in that root.
	$(CARGO) install --locked --quiet ferrokinesis --version $(FERROKINESIS_VERSION) --root $(PEERS_ROOT)
	$(CARGO) build --release --bin endpoint
	ENDPOINT_BIN='$(ENDPOINT_BIN)' FERROKINESIS_BIN='$(PEERS_ROOT)/bin/ferrokinesis' $(NODE) benches/endpoint.mjs

# Tier (d): tests/web.rs runs in headless Chromium through chromedriver. The runner reads the
# browser's binary and flags from webdriver.json; chromedriver gives it a fresh temporary profile.
test-web: setup-rust setup-wasm-bindgen setup-chromium
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=$(WASM_BINDGEN_TEST_RUNNER) \
	CHROMEDRIVER=$(CHROMEDRIVER) \
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/webdriver.json \
	WASM_BINDGEN_TEST_TIMEOUT=$${WASM_BINDGEN_TEST_TIMEOUT:-240} \
	$(CARGO) test --release --target $(WASM_TARGET) --test web

# Tier (e): the release build served under /sub/ (as GitHub Pages serves /<repo>/), driven by
# tests/e2e/e2e.mjs, after the size check (tests/e2e/size.mjs fails the tier over the size budget).
test-e2e: setup-rust setup-trunk setup-wasm-bindgen setup-chromium setup-e2e
	$(CARGO) fetch --quiet
	$(TRUNK) build --release --public-url $(E2E_PUBLIC_URL) --dist $(E2E_DIST)
	$(NODE) $(E2E_DIR)/size.mjs $(E2E_DIST)
	E2E_DIST=$(E2E_DIST) CHROMIUM=$(CHROMIUM) $(NODE) $(E2E_DIR)/e2e.mjs

bench:
	$(CARGO) bench --bench engine

# The frame benchmark alone (tests/e2e/bench-web.mjs; benches/README.md, "Frame times"): the
# release build of tier (e), every view that redraws while playing, paused (the baseline), at
# 16 shards × 10,000 records/s at 1× (on a desktop screen, and on a phone's: 375 CSS px at a
# pixel ratio of 3) and 64 × 10,000 at 3600×. It prints figures and fails only on a page that
# cannot be measured. BENCH_VIEWS=flow,overview BENCH_CASES=1x,phone narrow it;
# BENCH_CPU_THROTTLE=2 slows the page's CPU as on a slower phone.
bench-web: setup-rust setup-trunk setup-wasm-bindgen setup-chromium setup-e2e
	$(CARGO) fetch --quiet
	$(TRUNK) build --release --public-url $(E2E_PUBLIC_URL) --dist $(E2E_DIST)
	E2E_DIST=$(E2E_DIST) CHROMIUM=$(CHROMIUM) $(NODE) $(E2E_DIR)/bench-web.mjs

# The size of what a browser downloads (tests/e2e/size.mjs): every file of a release build with its
# raw, gzip and brotli size, and the wasm + js total against the budget. test-e2e runs the same
# check on its own build and fails over the budget.
size: build
	$(NODE) $(E2E_DIR)/size.mjs dist

# Where the wasm's bytes go (benches/size_map.py): the browser profile built with its symbol names
# kept, read by twiggy (installed into target/peers on first use, about 2 minutes).
TWIGGY_VERSION := 0.8.0
SIZE_MAP_WASM := $(abspath $(or $(CARGO_TARGET_DIR),target)/$(WASM_TARGET)/wasm-release/kinesis-playground.wasm)
size-map: setup-rust
	$(CARGO) install --locked --quiet twiggy --version $(TWIGGY_VERSION) --root $(PEERS_ROOT)
	CARGO_PROFILE_WASM_RELEASE_STRIP=false $(CARGO) build --profile wasm-release --target $(WASM_TARGET) --bin kinesis-playground
	$(PEERS_ROOT)/bin/twiggy top -n 1000000 -f csv $(SIZE_MAP_WASM) | $(PYTHON) benches/size_map.py --top 30

# The engine in the browser next to the engine natively (benches/wasm.mjs; figures in
# benches/README.md). One example, examples/engine_workload.rs, built for the host and twice for
# wasm32: release (opt-level 3, what a speed benchmark wants) and the app's own wasm-release
# profile (what students run). Not part of `make test`: it times.
BENCH_WASM_DIR := $(abspath $(or $(CARGO_TARGET_DIR),target)/bench-wasm)
BENCH_WASM_OUT := $(abspath $(or $(CARGO_TARGET_DIR),target)/$(WASM_TARGET))
bench-wasm: setup-rust setup-wasm-bindgen setup-chromium setup-e2e
	$(CARGO) build --release --example engine_workload
	$(CARGO) build --release --example engine_workload --target $(WASM_TARGET)
	$(CARGO) build --profile wasm-release --example engine_workload --target $(WASM_TARGET)
	$(WASM_BINDGEN) --target web --no-typescript --out-dir $(BENCH_WASM_DIR)/release \
	  $(BENCH_WASM_OUT)/release/examples/engine_workload.wasm
	$(WASM_BINDGEN) --target web --no-typescript --out-dir $(BENCH_WASM_DIR)/wasm-release \
	  $(BENCH_WASM_OUT)/wasm-release/examples/engine_workload.wasm
	CHROMIUM=$(CHROMIUM) $(NODE) benches/wasm.mjs \
	  --native $(abspath $(or $(CARGO_TARGET_DIR),target))/release/examples/engine_workload \
	  --wasm 'opt-level 3=$(BENCH_WASM_DIR)/release' --wasm 'wasm-release=$(BENCH_WASM_DIR)/wasm-release'

# kinesalite 3.3.3's own test suite (tests/kinesalite/suite, see its README) against the endpoint
# binary. Not part of `make test`: it takes about 7 minutes (one upstream test waits 5 wall
# minutes for an iterator to expire). KINESALITE_SUITE_ARGS='--grep putRecord' runs a subset.
KINESALITE_SUITE_DIR := tests/kinesalite/suite
ENDPOINT_BIN ?= $(abspath $(or $(CARGO_TARGET_DIR),target)/release/endpoint)

setup-kinesalite-suite: setup-node
	@if [ -f $(KINESALITE_SUITE_DIR)/node_modules/.package-lock.json ] && \
	  [ $(KINESALITE_SUITE_DIR)/node_modules/.package-lock.json -nt $(KINESALITE_SUITE_DIR)/package-lock.json ]; then \
	  echo "setup: $(KINESALITE_SUITE_DIR)/node_modules matches package-lock.json"; \
	else \
	  echo "setup: npm ci in $(KINESALITE_SUITE_DIR) (kinesalite@3.3.3, mocha 6, should, aws4; no optional deps, no install scripts)"; \
	  (cd $(KINESALITE_SUITE_DIR) && $(NPM) ci --omit=optional --ignore-scripts --no-audit --no-fund) || { \
	    echo "setup: npm ci failed in $(KINESALITE_SUITE_DIR); is the npm registry reachable?" >&2; exit 1; }; \
	fi

test-kinesalite-suite: setup-kinesalite-suite
	$(CARGO) build --release --bin endpoint
	$(NODE) $(KINESALITE_SUITE_DIR)/suite.mjs --bin '$(ENDPOINT_BIN)' $(KINESALITE_SUITE_ARGS)

# ---------------------------------------------------------------------------------------------
# the app

serve: setup-rust setup-trunk setup-wasm-bindgen
	$(CARGO) fetch --quiet
	$(TRUNK) serve --release --address $(SERVE_ADDRESS) --port $(SERVE_PORT)

# For developers: the dev profile builds in seconds; its wasm is unoptimised (see benches/README.md).
serve-dev: setup-rust setup-trunk setup-wasm-bindgen
	$(CARGO) fetch --quiet
	$(TRUNK) serve --address $(SERVE_ADDRESS) --port $(SERVE_PORT)

build: setup-rust setup-trunk setup-wasm-bindgen
	$(CARGO) fetch --quiet
	$(TRUNK) build --release --public-url $(PUBLIC_URL)

test: setup check test-engine bench-build wasm test-kinesalite test-clients test-web test-e2e
	@echo "make test: all passed (check, engine tiers a+b, benches build, wasm32 build, kinesalite tier c, real clients, browser tier d, end-to-end tier e)"
