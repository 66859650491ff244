# medlint: the two commands README opens with are `make demo` and `make test`.
SHELL := /bin/bash
RELEASE_FLAGS := -c release --static-swift-stdlib
MEDLINT := .build/release/medlint

.PHONY: demo test deps build release test-rules bench sanitize-address sanitize-thread fuzz clean

deps:
	@scripts/install-deps.sh

build: deps
	swift build

release: deps
	swift build $(RELEASE_FLAGS)

# Installs what is missing, builds a release binary and lints the fixtures (exit 0 whatever it finds).
demo: release
	$(MEDLINT) check fixtures --fail-on never

# The whole test suite: unit, rule-example, golden and end-to-end tests against the built binary.
test: deps
	scripts/run-tests.sh

test-rules: build
	.build/debug/medlint test-rules

# Speed and memory beside the peers (bench/README.md).
bench: release
	bench/bench.sh

# The test suite under AddressSanitizer / ThreadSanitizer (files are linted in parallel).
sanitize-address: deps
	swift build --build-tests --sanitize=address --scratch-path .build-asan
	MEDLINT_SANITIZED=1 LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp:print_suppressions=0 swift test --skip-build --sanitize=address --scratch-path .build-asan

sanitize-thread: deps
	swift build --build-tests --sanitize=thread --scratch-path .build-tsan
	MEDLINT_SANITIZED=1 swift test --skip-build --sanitize=thread --scratch-path .build-tsan

# libFuzzer over Markdown -> Document -> Linter -> every reporter (Fuzz/), FUZZ_SECONDS long,
# seeded with the fixtures and the regression inputs.
# The test command uses a fixed seed and run count, so CI replays exactly what was checked here.
FUZZ_SECONDS ?= 60
FUZZ_ARGS ?= -max_total_time=$(FUZZ_SECONDS)
fuzz: deps
	swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
	mkdir -p .build-fuzz/corpus && cp fixtures/*/*.md Fuzz/regressions/* .build-fuzz/corpus/
	SWIFT_BACKTRACE=enable=no MEDLINT_RULES=rules Fuzz/.build/release/MedlintFuzz $(FUZZ_ARGS) -max_len=16384 -timeout=10 \
		-rss_limit_mb=2048 -artifact_prefix=.build-fuzz/ .build-fuzz/corpus

clean:
	rm -rf .build
