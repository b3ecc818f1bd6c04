# Kinesis Playground — build, check and test entry points.
#
# `make test` is the project's test command; CI runs it through .ci/run. It goes fastest first:
#
#   setup ─► check ─► test-engine ─► bench-build ─► wasm ─► test-kinesalite
#   (tools)  (fmt,     (tiers a+b,     (benches      (lib for  (tier c: engine vs
#             clippy    cargo test      still         wasm32)   kinesalite 3.3.3)
#             x2)       --release)      compile)
#
# `make bench` runs the criterion benches; it is not part of `make test`.
# Every tool is a variable, so `make test CARGO=cargo +1.95` or `NODE=/opt/node/bin/node` work.

CARGO ?= cargo
RUSTUP ?= rustup
RUSTC ?= rustc
NODE ?= node
NPM ?= npm
WASM_TARGET ?= wasm32-unknown-unknown

KINESALITE_DIR := tests/kinesalite
KINESALITE_STAMP := $(KINESALITE_DIR)/node_modules/.package-lock.json
KINESALITE_LOCK := $(KINESALITE_DIR)/package-lock.json
# Where cargo puts the replay runner (honours CARGO_TARGET_DIR); passed to the cross-check.
REPLAY_BIN ?= $(abspath $(or $(CARGO_TARGET_DIR),target)/release/examples/replay)

# The targets depend on one another in order; cargo parallelises inside each step.
.NOTPARALLEL:
.DEFAULT_GOAL := help
.PHONY: help setup setup-rust setup-node check test-engine bench-build wasm test-kinesalite bench test

help:
	@echo "make setup            install what the tests need (wasm32 target, kinesalite npm deps); idempotent"
	@echo "make check            rustfmt check, clippy native and wasm32 with -D warnings"
	@echo "make test-engine      engine tests, tiers (a) and (b): cargo test --release"
	@echo "make wasm             build the library for $(WASM_TARGET)"
	@echo "make test-kinesalite  tier (c): replay runner vs kinesalite 3.3.3 on 127.0.0.1"
	@echo "make bench            criterion benches (not part of make test)"
	@echo "make test             setup check test-engine bench-build wasm test-kinesalite (what CI runs)"

# ---------------------------------------------------------------------------------------------
# setup: each step says what it does and is skipped when already satisfied.

setup: setup-rust setup-node
# Later tiers add their tools here (each its own idempotent setup-* target):
#   setup-trunk         trunk, to build and serve the web app (tier e)
#   setup-wasm-bindgen  wasm-bindgen-cli matching Cargo.lock, for wasm-bindgen-test (tier d)
#   setup-chromium      Debian's chromium + chromium-driver for headless browser tests (tiers d, e)
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

# ---------------------------------------------------------------------------------------------
# checks and tests

check:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings
	$(CARGO) clippy --lib --target $(WASM_TARGET) -- -D warnings

test-engine:
	$(CARGO) test --release

# Keeps the benches compiling without running them.
bench-build:
	$(CARGO) bench --no-run

wasm:
	$(CARGO) build --lib --target $(WASM_TARGET) --release

test-kinesalite:
	$(CARGO) build --release --example replay
	REPLAY_BIN='$(REPLAY_BIN)' $(NODE) $(KINESALITE_DIR)/crosscheck.mjs

bench:
	$(CARGO) bench --bench engine

test: setup check test-engine bench-build wasm test-kinesalite
	@echo "make test: all passed (check, engine tiers a+b, benches build, wasm32 build, kinesalite tier c)"
