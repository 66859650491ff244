#!/usr/bin/env bash
# medlint benchmark: speed, memory and recall beside the peers. See bench/README.md.
#
#   bench/bench.sh                 # 2,000 posts / 20 MB (a few minutes on 2 cores)
#   BIG=1 bench/bench.sh           # 20,000 posts / 200 MB
#
# Environment (all optional):
#   FILES=2000 SIZE=20MB SEED=1    corpus shape (BIG=1: FILES=20000 SIZE=200MB)
#   JOBS=$(nproc)                  medlint --jobs and peer threads for the parallel rows
#   RUNS=3 RUNS_SLOW=2             timed runs per row (RUNS_SLOW for rows that take > ~10 s)
#   ONE_RUNS=30                    timed runs for the one-file start-up rows
#   SUBSET=200                     posts in the subset used for proselint and for rg -P with
#                                  the full pack patterns (both run at well under 1 MB/s)
#   NULL_RULES=60                  throwaway rules for the "absent rules" row
#   MEDLINT=path                   a medlint binary to measure (default: build .build/release/medlint)
#   SKIP_BUILD=1 SKIP_INSTALL=1    don't build / don't apt-get or pip install
#   OUT=bench-out                  where corpora, tools and results go
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT=${OUT:-$ROOT/bench-out}
case "$OUT" in /*) ;; *) OUT="$ROOT/$OUT" ;; esac
SEED=${SEED:-1}
if [ "${BIG:-0}" = 1 ]; then FILES=${FILES:-20000}; SIZE=${SIZE:-200MB}
else FILES=${FILES:-2000}; SIZE=${SIZE:-20MB}; fi
JOBS=${JOBS:-$(nproc)}
RUNS=${RUNS:-3}
RUNS_SLOW=${RUNS_SLOW:-2}
ONE_RUNS=${ONE_RUNS:-30}
SUBSET=${SUBSET:-200}
NULL_RULES=${NULL_RULES:-60}
SHARED_PATTERNS=${SHARED_PATTERNS:-$ROOT/../shared/bench/patterns.txt}
VENV="$OUT/venv"
RES="$OUT/results"
mkdir -p "$OUT" "$RES"
rm -f "$RES"/*.json "$RES"/*.rss "$RES"/rows.tsv "$RES"/notes.txt
note() { echo "note: $*" | tee -a "$RES/notes.txt" >&2; }
step() { echo "== $*" >&2; }

# ------------------------------------------------------------------ tools
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"; else return 1; fi; }
if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  need=()
  for c in cmark-gfm:cmark-gfm rg:ripgrep hyperfine:hyperfine; do
    command -v "${c%%:*}" >/dev/null || need+=("${c##*:}")
  done
  [ -x /usr/bin/time ] || need+=(time)
  if [ ${#need[@]} -gt 0 ]; then
    step "installing ${need[*]} (apt)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2 ||
      note "could not apt-get install ${need[*]} (not root, no sudo, or offline); those rows are skipped"
  fi
  if [ ! -x "$VENV/bin/proselint" ]; then
    step "installing proselint into $VENV (pip)"
    { python3 -m venv "$VENV" && { "$VENV/bin/pip" install -q "proselint==${PROSELINT_VERSION:-0.16.0}" ||
                                   "$VENV/bin/pip" install -q proselint; }; } >&2 ||
      note "could not pip install proselint; its rows are skipped"
  fi
fi
HAVE_HF=0; command -v hyperfine >/dev/null && HAVE_HF=1
HAVE_TIME=0; [ -x /usr/bin/time ] && HAVE_TIME=1
PROSELINT=""
[ -x "$VENV/bin/proselint" ] && PROSELINT="$VENV/bin/proselint"
[ -z "$PROSELINT" ] && command -v proselint >/dev/null && PROSELINT=$(command -v proselint)
[ $HAVE_HF = 1 ] || note "hyperfine is missing: timing with a plain loop (no warm-up statistics)"
[ $HAVE_TIME = 1 ] || note "/usr/bin/time is missing: no peak RSS column"

# ------------------------------------------------------------------ medlint
if [ -z "${MEDLINT:-}" ]; then
  MEDLINT="$ROOT/.build/release/medlint"
  if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -x "$MEDLINT" ]; then
    step "swift build -c release --static-swift-stdlib"
    t0=$(date +%s)
    swift build -c release --static-swift-stdlib >&2
    echo "release build: $(( $(date +%s) - t0 )) s" >&2
  fi
fi
[ -x "$MEDLINT" ] || { echo "bench: no medlint binary at $MEDLINT" >&2; exit 2; }
MEDLINT=$(cd "$(dirname "$MEDLINT")" && pwd)/$(basename "$MEDLINT")

# ------------------------------------------------------------------ corpus
CORPUS="$OUT/corpus-s$SEED-f$FILES-$SIZE"
GENSUM=$(sha256sum "$ROOT/bench/gen_corpus.py" | cut -c1-16)
if [ ! -f "$CORPUS/summary.json" ] || [ "$(cat "$CORPUS/.generator" 2>/dev/null)" != "$GENSUM" ]; then
  step "generating $FILES posts, $SIZE (seed $SEED)"
  rm -rf "$CORPUS"
  t0=$(date +%s.%N)
  python3 "$ROOT/bench/gen_corpus.py" --seed "$SEED" --files "$FILES" --size "$SIZE" --out "$CORPUS"
  echo "$GENSUM" > "$CORPUS/.generator"
  awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "corpus generated in %.1f s\n", b - a }' >&2
fi
C="$CORPUS/content"
bytes_of() { find "$1" -name '*.md' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }
BYTES=$(bytes_of "$C")
NFILES=$(find "$C" -name '*.md' | wc -l)

# subset: the first $SUBSET posts in path order, flattened into one folder
SUB="$CORPUS/subset$SUBSET"
if [ ! -d "$SUB" ]; then
  mkdir -p "$SUB"
  (cd "$C" && find . -name '*.md' | sort | awk -v n="$SUBSET" 'NR <= n' | while read -r f; do
     cp "$f" "$SUB/$(echo "${f#./}" | tr / _)"; done)
fi
SUB_BYTES=$(bytes_of "$SUB")
SUB_FILES=$(find "$SUB" -name '*.md' | wc -l)

# one post of about 5 KB: what a pre-commit hook on one file sees
ONE="$CORPUS/one.md"
src=$(find "$C" -name '*.md' -printf '%s %p\n' | sort -k2 |
      awk '{ d = $1 - 5000; if (d < 0) d = -d; if (best == "" || d < bd) { bd = d; best = $2 } } END { print best }')
cp "$src" "$ONE"
ONE_BYTES=$(stat -c %s "$ONE")

# an explicit configuration, so no .medlint.yml above bench-out/ changes the rules
CFG="$OUT/bench.medlint.yml"
echo "exclude: []" > "$CFG"

# ------------------------------------------------------------------ 60 rules that never match
NULLDIR="$OUT/null-rules"
rm -rf "$NULLDIR"; mkdir -p "$NULLDIR"
python3 - "$NULLDIR" "$NULL_RULES" <<'EOF'
import random, sys
out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random("medlint-null-rules")
seen = set()
for i in range(1, n + 1):
    while True:   # a pronounceable nonsense word, unique, sharing no 4-letter prefix with the others
        w = "".join(rng.choice("bdfgkmpstvz") + rng.choice("aeiouy") for _ in range(4)) + rng.choice("qxj")
        if w[:4] not in seen:
            seen.add(w[:4]); break
    rid = "bench-null-%02d" % i
    open("%s/%s.yml" % (out, rid), "w").write(f"""id: {rid}
title: Benchmark filler rule {i} (its word never occurs)
level: note
category: benchmark
message: 'Benchmark filler word "{{match}}".'
rationale: 'Generated by bench/bench.sh to measure what a rule whose literal never occurs costs. Not a real rule.'
references:
  - title: 'medlint bench/README.md'
    url: 'https://example.invalid/medlint/bench'
    section: ''
suggestion: 'Remove the filler word.'
kind: phrase
patterns:
  - '\\b{w}\\b'
examples:
  flag:
    - 'A «{w}» here.'
    - '«{w}» at the start.'
    - 'At the end «{w}».'
    - 'Twice: «{w}» and «{w}».'
    - 'Upper «{w.upper()}» case.'
  pass:
    - 'Nothing to see here.'
    - 'A {w}s is not the word.'
    - 'Neither is x{w}.'
""")
    open("%s/.words" % out, "a").write(w + "\n")
EOF
if command -v rg >/dev/null && rg -q -i -F -f "$NULLDIR/.words" "$C"; then
  note "a filler word occurs in the corpus; the absent-rules row is not clean"
fi
"$MEDLINT" test-rules "$NULLDIR" >/dev/null || { echo "bench: generated filler rules are invalid" >&2; exit 2; }

# ------------------------------------------------------------------ rg -P pattern files
# The phrase patterns of the built-in pack (kind: phrase), with @{lexicon} expanded the way
# medlint expands it. One PCRE2 alternation of all of them is too large to compile, so they
# are packed into as few files as compile, and rg runs once per file.
PACKDIR="$OUT/rg-patterns"
if command -v rg >/dev/null; then
  rm -rf "$PACKDIR"; mkdir -p "$PACKDIR"
  python3 - "$ROOT/rules" "$PACKDIR" <<'EOF' || { note "could not extract the pack's phrase patterns (PyYAML missing?); rg -P pack rows skipped"; rm -rf "$PACKDIR"; }
import glob, os, re, subprocess, sys
import yaml
rules, out = sys.argv[1], sys.argv[2]
lex = {}
for p in glob.glob(os.path.join(rules, "lexicons", "*.yml")):
    d = yaml.safe_load(open(p, encoding="utf-8"))
    lex[d["name"]] = d
def term(t):      # Lexicon.termRegex: escape, ' ' -> \s+, '-' -> [-\s]?, \b at word ends
    t = t.strip()
    s = "".join(r"\s+" if c == " " else r"[-\s]?" if c == "-" else "\\" + c if c in "\\^$.|?*+()[]{}/#" else c for c in t)
    wb = lambda c: c.isalnum() or c == "_"
    return (r"\b" if wb(t[0]) else "") + s + (r"\b" if wb(t[-1]) else "")
memo = {}
def lexre(name):
    if name not in memo:
        d = lex[name]
        alts = [term(t) for t in sorted(d.get("terms") or [], key=len, reverse=True)]
        alts += [expand(p) for p in d.get("patterns") or []]
        memo[name] = "(?:" + "|".join(alts) + ")" if alts else "(?!)"
    return memo[name]
def expand(p):
    return re.sub(r"@\{([\w-]+)\}", lambda m: lexre(m.group(1)), p)
pats = []
for p in sorted(glob.glob(os.path.join(rules, "*.yml"))):
    d = yaml.safe_load(open(p, encoding="utf-8"))
    if d.get("kind") == "phrase":
        pats += [expand(x) for x in d.get("patterns") or []]
empty = os.path.join(out, ".empty")
open(empty, "w").close()
def compiles(ps):
    f = os.path.join(out, ".try")
    open(f, "w", encoding="utf-8").write("\n".join(ps) + "\n")
    return subprocess.run(["rg", "-c", "-i", "-P", "-f", f, empty], capture_output=True).returncode != 2
files, cur = [], []
for p in pats:
    if cur and not compiles(cur + [p]):
        files.append(cur); cur = []
    cur.append(p)
files.append(cur)
for i, ps in enumerate(files):
    open(os.path.join(out, "pack%02d.txt" % i), "w", encoding="utf-8").write("\n".join(ps) + "\n")
os.remove(os.path.join(out, ".try")); os.remove(empty)
print("%d phrase patterns from %s, in %d rg pattern files" % (len(pats), rules, len(files)), file=sys.stderr)
EOF
fi
NPACK=$(ls "$PACKDIR"/pack*.txt 2>/dev/null | wc -l)

# ------------------------------------------------------------------ measuring
# rows.tsv: name, label, cores, bytes, peer-of (the medlint row it is compared with), kind
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$RES/rows.tsv"; }

timeit() { # name runs warmup shell(0/1) command   -> $RES/name.json (hyperfine format)
  local name=$1 runs=$2 warm=$3 sh=$4 cmd=$5
  if [ $HAVE_HF = 1 ]; then
    local extra=(); [ "$sh" = 0 ] && extra=(-N)
    hyperfine -i "${extra[@]}" --style basic --warmup "$warm" --runs "$runs" --export-json "$RES/$name.json" "$cmd" 2>&1 |
      grep -E 'Time \(|Range' | sed "s/^/  $name: /" >&2 || true
  else
    python3 - "$RES/$name.json" "$runs" "$warm" "$cmd" <<'EOF'
import json, subprocess, sys, time
out, runs, warm, cmd = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
for _ in range(warm):
    subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
ts = []
for _ in range(runs):
    t = time.perf_counter(); subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ts.append(time.perf_counter() - t)
json.dump({"results": [{"command": cmd, "times": ts}]}, open(out, "w"))
EOF
  fi
}
rss() { # name command  -> $RES/name.rss (kB): peak RSS of the largest process of one run
  [ $HAVE_TIME = 1 ] || return 0
  /usr/bin/time -v -o "$RES/$1.tv" bash -c "$2" >/dev/null 2>&1 || true
  awk -F': ' '/Maximum resident set size/ { print $2 }' "$RES/$1.tv" > "$RES/$1.rss"
}
pair() { # nameA nameB runs cmdA cmdB: alternate A and B run by run, so load drifts hit both alike
  local a=$1 b=$2 runs=$3 i
  if [ $HAVE_HF = 0 ]; then timeit "$a" "$runs" 1 1 "$4"; timeit "$b" "$runs" 1 1 "$5"; return; fi
  hyperfine -i --style none --runs 1 "$4" "$5" >/dev/null 2>&1 || true     # one warm-up of each
  for i in $(seq 1 "$runs"); do
    hyperfine -i --style none --runs 1 --export-json "$RES/$a.$i.part" "$4" >/dev/null 2>&1 || true
    hyperfine -i --style none --runs 1 --export-json "$RES/$b.$i.part" "$5" >/dev/null 2>&1 || true
  done
  python3 - "$RES" "$a" "$b" <<'PY' >&2
import glob, json, os, sys
res = sys.argv[1]
for name in sys.argv[2:]:
    parts = sorted(glob.glob(os.path.join(res, name + ".*.part")))
    rs = [json.load(open(p))["results"][0] for p in parts]
    out = dict(rs[0]); out["times"] = [t for r in rs for t in r["times"]]
    out["user"] = sum(r["user"] for r in rs) / len(rs); out["system"] = sum(r["system"] for r in rs) / len(rs)
    json.dump({"results": [out]}, open(os.path.join(res, name + ".json"), "w"))
    for p in parts: os.remove(p)
    print("  %s: %s s (alternating runs)" % (name, " ".join("%.2f" % t for t in out["times"])))
PY
}
bench() { # name label cores bytes peer-of runs command
  local name=$1 runs=$6 cmd=$7
  row "$1" "$2" "$3" "$4" "$5" corpus
  timeit "$name" "$runs" 1 1 "$cmd"
  [ "$name" = medlint.jN ] || rss "$name" "$cmd"   # medlint.jN: the recall run gave its RSS
}
startup() { # name label peer-of shell(0/1) command
  row "$1" "$2" 1 "$ONE_BYTES" "$3" one
  timeit "$1" "$ONE_RUNS" 3 "$4" "$5"
  rss "$1" "$5"
}

ML="$MEDLINT check --format json --fail-on never --config $CFG"
CMARK="cmark-gfm --sourcepos -e table -e strikethrough -e autolink -e footnotes -t xml"
rgpack() { # threads dir -> a shell command running rg once per pack file
  local s="" f
  for f in "$PACKDIR"/pack*.txt; do s+="rg -j$1 -c -i -P -f $f $2; "; done
  echo "{ $s} > /dev/null"
}

busy() { # percent of CPU time used by anything over 2 s (we are idle meanwhile)
  local a b
  a=$(awk '/^cpu / { print $2+$3+$4+$7+$8+$9, $5+$6 }' /proc/stat); sleep 2
  b=$(awk '/^cpu / { print $2+$3+$4+$7+$8+$9, $5+$6 }' /proc/stat)
  echo "$a $b" | awk '{ u = $3 - $1; i = $4 - $2; printf "%d", (u + i) ? 100 * u / (u + i) : 0 }'
}
BUSY=$(busy)
[ "$BUSY" -gt 15 ] && note "the CPU was ${BUSY}% busy with other work just before the timed runs: times will be noisy"
cd "$C"
step "corpus: $NFILES posts, $BYTES bytes; subset: $SUB_FILES posts, $SUB_BYTES bytes; one file: $ONE_BYTES bytes"

step "recall run (medlint --jobs $JOBS, JSON kept)"
if [ $HAVE_TIME = 1 ]; then
  /usr/bin/time -v -o "$RES/recall.tv" $ML --jobs "$JOBS" . > "$RES/findings.json"
else
  $ML --jobs "$JOBS" . > "$RES/findings.json"
fi

step "throughput: whole corpus"
row medlint.jN "medlint check, --jobs $JOBS" "$JOBS" "$BYTES" - corpus
row medlint.null "medlint + $NULL_RULES absent rules, --jobs $JOBS" "$JOBS" "$BYTES" medlint.jN corpus
pair medlint.jN medlint.null "$RUNS" "$ML --jobs $JOBS . > /dev/null" "$ML --rule-dir $NULLDIR --jobs $JOBS . > /dev/null"
rss medlint.null "$ML --rule-dir $NULLDIR --jobs $JOBS . > /dev/null"
bench medlint.j1 "medlint check, --jobs 1" 1 "$BYTES" - "$RUNS_SLOW" "$ML --jobs 1 . > /dev/null"
if command -v cmark-gfm >/dev/null; then
  bench cmark.jN "cmark-gfm -t xml (parse only), 250 files/process, $JOBS procs" "$JOBS" "$BYTES" medlint.jN "$RUNS" \
    "find . -name '*.md' -print0 | xargs -0 -n 250 -P $JOBS $CMARK > /dev/null"
  bench cmark.j1 "cmark-gfm -t xml (parse only), 250 files/process" 1 "$BYTES" medlint.j1 "$RUNS" \
    "find . -name '*.md' -print0 | xargs -0 -n 250 $CMARK > /dev/null"
else note "cmark-gfm missing: its rows are skipped"; fi
if command -v rg >/dev/null && [ -f "$SHARED_PATTERNS" ]; then
  bench rgshared.jN "rg -P, ../shared/bench/patterns.txt ($(wc -l < "$SHARED_PATTERNS") patterns), $JOBS threads" "$JOBS" "$BYTES" medlint.jN "$RUNS" \
    "rg -j$JOBS -c -i -P -f $SHARED_PATTERNS . > /dev/null"
  bench rgshared.j1 "rg -P, ../shared/bench/patterns.txt, 1 thread" 1 "$BYTES" medlint.j1 "$RUNS" \
    "rg -j1 -c -i -P -f $SHARED_PATTERNS . > /dev/null"
fi

step "throughput: subset ($SUB_FILES posts) for the slow peers"
bench medlint.sub.jN "medlint check, --jobs $JOBS (subset)" "$JOBS" "$SUB_BYTES" - "$RUNS" "$ML --jobs $JOBS $SUB > /dev/null"
bench medlint.sub.j1 "medlint check, --jobs 1 (subset)" 1 "$SUB_BYTES" - "$RUNS" "$ML --jobs 1 $SUB > /dev/null"
if command -v rg >/dev/null && [ "$NPACK" -gt 0 ]; then
  bench rgpack.jN "rg -P, the pack's phrase patterns ($NPACK rg runs), $JOBS threads (subset)" "$JOBS" "$SUB_BYTES" medlint.sub.jN "$RUNS_SLOW" \
    "$(rgpack "$JOBS" "$SUB")"
  bench rgpack.j1 "rg -P, the pack's phrase patterns, 1 thread (subset)" 1 "$SUB_BYTES" medlint.sub.j1 "$RUNS_SLOW" \
    "$(rgpack 1 "$SUB")"
fi
if [ -n "$PROSELINT" ]; then
  PL="$PROSELINT check"; "$PROSELINT" check --help >/dev/null 2>&1 || PL="$PROSELINT"
  bench proselint.sub "proselint (1 core; it does not parallelise) (subset)" 1 "$SUB_BYTES" medlint.sub.j1 "$RUNS_SLOW" \
    "$PL $SUB > /dev/null 2>&1"
else note "proselint is not installed (PyPI): its rows are skipped"; fi

step "start-up: one $ONE_BYTES-byte post"
startup medlint.one "medlint check one.md" - 0 "$ML $ONE"
command -v cmark-gfm >/dev/null && startup cmark.one "cmark-gfm one.md" medlint.one 0 "$CMARK $ONE"
command -v rg >/dev/null && [ -f "$SHARED_PATTERNS" ] && startup rgshared.one "rg -P patterns.txt one.md" medlint.one 0 "rg -c -i -P -f $SHARED_PATTERNS $ONE"
command -v rg >/dev/null && [ "$NPACK" -gt 0 ] && startup rgpack.one "rg -P pack patterns one.md ($NPACK rg runs)" medlint.one 1 "$(rgpack 1 "$ONE")"
[ -n "$PROSELINT" ] && startup proselint.one "proselint one.md" medlint.one 0 "$PL $ONE"
cd "$ROOT"

# ------------------------------------------------------------------ report
{
  echo "medlint: $("$MEDLINT" --version 2>&1 | head -1) ($MEDLINT)"
  command -v cmark-gfm >/dev/null && echo "cmark-gfm: $(cmark-gfm --version 2>&1 | head -1)"
  command -v rg >/dev/null && echo "ripgrep: $(rg --version | head -1), PCRE2 $(rg --pcre2-version 2>/dev/null | head -1 | awk '{print $2}')"
  command -v hyperfine >/dev/null && echo "hyperfine: $(hyperfine --version)"
  [ -n "$PROSELINT" ] && echo "proselint: $("$PROSELINT" version 2>/dev/null || "$PROSELINT" --version 2>/dev/null | head -1)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; busy with other work: ${BUSY}% before the timed runs, $(busy)% after"
} > "$RES/versions.txt"

python3 - "$RES" "$CORPUS" "$NULL_RULES" <<'EOF' | tee "$RES/summary.md"
import collections, json, os, statistics, sys
res, corpus, nnull = sys.argv[1], sys.argv[2], int(sys.argv[3])
summ = json.load(open(os.path.join(corpus, "summary.json")))
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(res, "rows.tsv"))]
med, rss, cpu = {}, {}, {}
for name, *_ in rows:
    p = os.path.join(res, name + ".json")
    if os.path.exists(p):
        r = json.load(open(p))["results"][0]
        med[name] = statistics.median(r["times"])
        if "user" in r:
            cpu[name] = r["user"] + r["system"]
    p = os.path.join(res, name + ".rss")
    if os.path.exists(p) and open(p).read().strip():
        rss[name] = int(open(p).read().strip()) / 1024
rv = os.path.join(res, "recall.tv")
if os.path.exists(rv):
    for l in open(rv):
        if "Maximum resident set size" in l:
            rss["medlint.jN"] = max(rss.get("medlint.jN", 0), int(l.split(":")[1]) / 1024)

def wall(t, one):
    return "%.1f ms" % (t * 1e3) if one else "%.2f s" % t
print("## medlint benchmark\n")
print("Corpus: %d posts, %s bytes, seed %d (bench/gen_corpus.py); %d planted claims, %d look-alikes.\n"
      % (summ["files"], format(summ["bytes"], ","), summ["seed"], summ["planted"], summ["lookalikes"]))
print("| what | cores | input | wall (median) | CPU (mean) | MB/s | medlint/peer | peak RSS |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for name, label, cores, nbytes, peer, kind in rows:
    if name not in med:
        continue
    t, one = med[name], kind == "one"
    mbs = "-" if one else "%.2f" % (int(nbytes) / 1e6 / t)
    if peer == "-":
        ratio = "-"
    elif name == "medlint.null":
        ratio = "%.2f× of plain" % (t / med[peer]) if peer in med else "?"
    else:
        ratio = "%.2f" % (med[peer] / t) if peer in med else "?"
    inp = "%.1f MB" % (int(nbytes) / 1e6) if not one else "%d B" % int(nbytes)
    r = "%.0f MB" % rss[name] if name in rss else "-"
    c = wall(cpu[name], one) if name in cpu else "-"
    print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (label, cores, inp, wall(t, one), c, mbs, ratio, r))
print("\nmedlint/peer = medlint wall time / the peer's wall time, on the same input and cores "
      "(> 1: medlint is slower). CPU = user + system time of the process tree. "
      "Peak RSS: largest single process of one run (/usr/bin/time -v).")
if "medlint.null" in med and "medlint.jN" in med:
    k = med["medlint.null"] / med["medlint.jN"]
    kc = " (CPU time %.3f×)" % (cpu["medlint.null"] / cpu["medlint.jN"]) if "medlint.null" in cpu and "medlint.jN" in cpu else ""
    print("\n%d rules whose literals occur nowhere: %.3f× the wall time of the plain run%s, runs alternated; "
          "target ≤ 1.10×: %s" % (nnull, k, kc, "OK" if k <= 1.10 else "OVER"))

# ---- recall on the planted manifest
found = {}
d = json.load(open(os.path.join(res, "findings.json")))
allf = collections.defaultdict(list)
for f in d["findings"]:
    st = f["start"]
    col = st.get("utf16Column", st["column"])
    p = f["path"][2:] if f["path"].startswith("./") else f["path"]
    allf[p].append((f["ruleId"], st["line"], col))
keys = {(p, r, l, c) for p, fs in allf.items() for (r, l, c) in fs}
man = [l.rstrip("\n").split("\t") for l in open(os.path.join(corpus, "manifest.tsv"), encoding="utf-8")][1:]
planted = [m for m in man if m[6] == "planted"]
look = [m for m in man if m[6] == "lookalike"]
hit = [m for m in planted if (m[0], m[5], int(m[1]), int(m[2])) in keys]
miss = [m for m in planted if (m[0], m[5], int(m[1]), int(m[2])) not in keys]
n = len(planted)
print("\nRecall: %d of %d planted claims reported at their manifest line:column with the right rule = %.2f%%"
      % (len(hit), n, 100.0 * len(hit) / n if n else 100.0))
def breakdown(rows_all, rows_miss, col, label):
    tot = collections.Counter(m[col] for m in rows_all)
    bad = collections.Counter(m[col] for m in rows_miss)
    if bad:
        print("  missed by %s: " % label + ", ".join("%s %d/%d" % (k, bad[k], tot[k]) for k in sorted(bad)))
breakdown(planted, miss, 5, "rule")
breakdown(planted, miss, 7, "context")
flagtot = collections.Counter(f for m in planted for f in m[8].split(",") if f != "-")
flagbad = collections.Counter(f for m in miss for f in m[8].split(",") if f != "-")
if flagbad:
    print("  missed by flag: " + ", ".join("%s %d/%d" % (k, flagbad[k], flagtot[k]) for k in sorted(flagbad)))
with open(os.path.join(res, "misses.tsv"), "w", encoding="utf-8") as f:
    f.write("path\tline\tcolumn\trule\tcontext\tflags\ttext\treported on that line\n")
    for m in miss:
        on = sorted("%s@%d" % (r, c) for (r, l, c) in allf.get(m[0], []) if l == int(m[1]))
        f.write("\t".join([m[0], m[1], m[2], m[5], m[7], m[8], m[9], " ".join(on)]) + "\n")
fa = []
for m in look:
    rules = set(m[5].split(","))
    a, b = (int(m[1]), int(m[2])), (int(m[3]), int(m[4]))
    for (r, l, c) in allf.get(m[0], []):
        if r in rules and a <= (l, c) < b:
            fa.append((m, r))
print("False alarms: %d on %d clean look-alikes (negated, questions, near-miss words, cited statistics, "
      "code, URLs, HTML comments)" % (len(fa), len(look)))
if fa:
    c = collections.Counter("%s/%s" % (r, m[7]) for m, r in fa)
    print("  by rule/context: " + ", ".join("%s %d" % kv for kv in sorted(c.items())))
with open(os.path.join(res, "false-alarms.tsv"), "w", encoding="utf-8") as f:
    f.write("path\tline\tcolumn\trule\tcontext\ttext\n")
    for m, r in fa:
        f.write("\t".join([m[0], m[1], m[2], r, m[7], m[9]]) + "\n")
print("Other findings (document-level rules, claims medlint sees in the filler text): %d of %d"
      % (len(d["findings"]) - len(hit) - len(fa), len(d["findings"])))
if miss:
    print("Misses: %s" % os.path.join(res, "misses.tsv"))
EOF
echo
cat "$RES/versions.txt"
[ -s "$RES/notes.txt" ] && { echo; cat "$RES/notes.txt"; }
echo
echo "results: $RES (summary.md, hyperfine JSON per row, findings.json, misses.tsv, false-alarms.tsv)"
