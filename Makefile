# medlint: the two commands README opens with are `make demo` and `make test`.
SHELL := /bin/bash
RELEASE_FLAGS := -c release --static-swift-stdlib
MEDLINT := .build/release/medlint

.PHONY: demo test deps build release test-rules clean

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

clean:
	rm -rf .build
