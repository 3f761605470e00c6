# Two entry points for a fresh Debian/Ubuntu machine: `make run` and `make test`
# (and `make package` for the installers). Each installs what it needs first.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
CARGO ?= cargo
TOOLS := $(CURDIR)/.tools
VENV := $(CURDIR)/.venv
TAURI_DRIVER := $(TOOLS)/bin/tauri-driver

.PHONY: run test rust-toolchain system-deps-run system-deps-test system-deps-package test-tools \
        fmt lint rust-tests ui-tests e2e installed bench bench-reminders bench-floor package package-test fuzz

run: system-deps-run rust-toolchain
	$(CARGO) run --release --bin tend

test: system-deps-test rust-toolchain test-tools fmt lint rust-tests ui-tests e2e installed

# A clean run builds everything once: incremental caches would only fill the disk.
test: export CARGO_INCREMENTAL := 0

rust-toolchain:
	@command -v $(CARGO) >/dev/null || { echo "Tend needs Rust (cargo). Install it with rustup (https://rustup.rs), then run make again." >&2; exit 1; }
	@$(CARGO) fmt --version >/dev/null 2>&1 || rustup component add rustfmt
	@$(CARGO) clippy --version >/dev/null 2>&1 || rustup component add clippy

system-deps-run:
	@scripts/system-deps.sh run

system-deps-test:
	@scripts/system-deps.sh test

system-deps-package:
	@scripts/system-deps.sh package

# tauri-driver (WebDriver for Tauri apps) from crates.io; selenium and pytest in a venv.
test-tools: $(TAURI_DRIVER) $(VENV)/.installed

$(TAURI_DRIVER):
	$(CARGO) install tauri-driver --version '^2' --locked --root $(TOOLS)

$(VENV)/.installed: tests/e2e/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r tests/e2e/requirements.txt
	touch $@

fmt:
	$(CARGO) fmt --check

# `bench` adds the benchmark binary, which is built only when asked for.
lint:
	$(CARGO) clippy --all-targets --features bench -- -D warnings
	$(CARGO) clippy --all-targets --no-default-features --features bench -- -D warnings

# The domain and store without WebKit first (fast), then everything.
rust-tests:
	$(CARGO) test --no-default-features
	$(CARGO) test

# The frontend's modules in jsdom, with a fake Tauri bridge (node:test).
ui-tests: node_modules/.package-lock.json
	node --test tests/ui/ui.test.mjs

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# The real app in WebKit under Xvfb, on its own session bus, through tauri-driver.
e2e: test-tools
	$(CARGO) build --bin tend
	dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
	  env TEND_APP=$(CURDIR)/target/debug/tend TAURI_DRIVER=$(TAURI_DRIVER) \
	  $(VENV)/bin/pytest -q tests/e2e

# Figures, not pass/fail: 100k contacts / 1M touches, then reminders on a real bus.
# BENCH_ARGS="--only today": Today's figures alone, statement by statement.
bench:
	$(CARGO) run --release --no-default-features --features bench --bin tend-bench -- $(BENCH_ARGS)

# Tend against an empty Tauri 2 app (bench/floor: Tend's Tauri features, tray,
# single instance and release profile), both release builds as shipped, in one
# interleaved run: idle context switches shown and hidden, PSS of the app and its
# WebKit processes, first paint, reopen from hidden, with ratios. On the 100k
# book too when `make bench` has made it. BENCH_FLOOR_ARGS="--rounds 3 --window 30".
RELEASE_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)/release
FLOOR_RELEASE_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/bench/floor/target)/release
BENCH_BOOK := target/bench-data/bench-100000-1000000-customers.sqlite3
BENCH_FLOOR_ARGS ?= --rounds 5 --window 120

bench-floor: system-deps-test test-tools
	$(CARGO) build --release --bin tend --features tauri/custom-protocol
	cd bench/floor && $(CARGO) build --release --features tauri/custom-protocol
	dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
	  $(VENV)/bin/python scripts/bench-floor.py --tend $(RELEASE_DIR)/tend \
	  --floor $(FLOOR_RELEASE_DIR)/tend-floor $(if $(wildcard $(BENCH_BOOK)),--book $(BENCH_BOOK)) \
	  $(BENCH_FLOOR_ARGS)

bench-reminders: system-deps-test
	$(CARGO) build --release --bin tend
	dbus-run-session -- xvfb-run -a python3 scripts/bench-reminders.py 20 10

# Every parser under cargo-fuzz on the stable toolchain (RUSTC_BOOTSTRAP=1, no
# sanitizer), seeded from tests/fixtures, with a dictionary per target. Not part
# of `make test`: 10 million runs a target take a while. FUZZ_RUNS=… to change.
FUZZ_TARGETS := parse_line read_file typed_values
FUZZ_RUNS ?= 10000000
CARGO_FUZZ := $(TOOLS)/bin/cargo-fuzz
# The file reader spends most of an execution in byte loops (charset detection,
# CSV sniffing) whose every comparison the trace-compares hooks would record:
# without them it runs ~3x faster; the dictionary supplies the magic words. Built
# in a folder of its own, so the other targets' build is not undone each time.
FUZZ_FLAGS_read_file := --no-trace-compares

fuzz: rust-toolchain $(CARGO_FUZZ)
	python3 scripts/fuzz-seeds.py fuzz/corpus
	for target in $(FUZZ_TARGETS); do \
	  case $$target in read_file) flags="$(FUZZ_FLAGS_read_file)" dir=fuzz/target-ntc ;; *) flags="" dir=fuzz/target ;; esac; \
	  RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=$(CURDIR)/$$dir $(CARGO_FUZZ) fuzz run --fuzz-dir fuzz --sanitizer none $$flags $$target fuzz/corpus/$$target -- \
	    -runs=$(FUZZ_RUNS) -dict=fuzz/dicts/$$target.dict -max_len=4096 -timeout=10 -print_final_stats=1 \
	    2>&1 | tee target/fuzz-$$target.log | grep -E '^(#[0-9]+ +DONE|stat::|==|thread)' ; \
	done

$(CARGO_FUZZ):
	$(CARGO) install cargo-fuzz --locked --root $(TOOLS)

# The installers this machine can build (.deb and .rpm, release build) with the Tauri
# CLI pinned in package-lock.json, then checked: contents, declared dependencies, the
# desktop entry and the AppStream metainfo. Sizes are printed. Not part of `make test`
# (a release build takes ~10 minutes on 2 cores); `make package-test` installs them.
package: system-deps-package rust-toolchain node_modules/.package-lock.json
	npm run --silent tauri -- build --ci --bundles deb,rpm
	scripts/check-packages.sh

# In `make test`: the packages as `make package` checks them and the installed app
# as `make package-test` drives it, on debug-profile packages (`tauri build
# --debug`: the same files and layout, built beside the e2e build in minutes
# instead of a release build's LTO), upgrading from the previous version's.
PREVIOUS_VERSION_REF ?= 86b862e^
installed: system-deps-package test-tools node_modules/.package-lock.json
	npm run --silent tauri -- build --ci --debug --bundles deb
	new=$$(BUNDLE_PROFILE=debug DEB_ONLY=1 scripts/check-packages.sh | tail -n 1); \
	previous=$$(BUNDLE_PROFILE=debug scripts/previous-deb.sh "$(PREVIOUS_VERSION_REF)" | tail -n 1); \
	scripts/package-test.sh "$$previous" "$$new"

# On this machine, as root with dpkg: install the previous .deb, add data, upgrade to
# the one `make package` built, drive the installed /usr/bin/tend through WebDriver,
# then remove it and find the book still there. Tend is uninstalled afterwards.
# The previous version: PREVIOUS_DEB=/path/to/Tend_0.1.0_amd64.deb, or
# PREVIOUS_REF=<tag or commit> to build it from git first.
package-test: test-tools
	@test -n "$(PREVIOUS_DEB)$(PREVIOUS_REF)" || { echo "Set PREVIOUS_DEB to an older Tend .deb, or PREVIOUS_REF to a tag or commit to build one from." >&2; exit 2; }
	previous="$(PREVIOUS_DEB)"; [ -n "$$previous" ] || previous=$$(scripts/previous-deb.sh "$(PREVIOUS_REF)" | tail -n 1); \
	scripts/package-test.sh "$$previous" "$$(scripts/check-packages.sh | tail -n 1)"
