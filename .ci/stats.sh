#!/usr/bin/env bash
# Measures the sources, for before/after notes: lines per folder of src/ (top-level folders, their
# subfolders, each src/ui/views/<view>), the 10 largest .rs files, and the architecture test's
# summary lines (import circles, layering violations, files over the size limit).
#
#   .ci/stats.sh [checkout]     default: this repository; e.g. a `git worktree` of an older commit
#
# "prod" counts the lines before a file's first `#[cfg(test)]`, as tests/architecture.rs does.
# The architecture test is built and run with cargo (CARGO=..., CARGO_TARGET_DIR=... are honoured);
# STATS_SKIP_TEST=1 leaves it out.
set -euo pipefail
root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cd "$root"
[ -d src ] || { echo "stats: no src/ in $root" >&2; exit 1; }

# files, lines and prod lines of the .rs files under $1 (recursively)
count() {
  local files
  mapfile -t files < <(find "$1" -name '*.rs' | sort)
  if [ "${#files[@]}" -eq 0 ]; then echo "0 0 0"; return; fi
  awk 'FNR == 1 { n++; test = 0 }
       /#\[cfg\(test\)\]/ { test = 1 }
       { lines++; if (!test) prod++ }
       END { printf "%d %d %d\n", n, lines, prod }' "${files[@]}"
}

row() { # label dir
  read -r n lines prod < <(count "$2")
  printf '%-30s %5d %7d %7d\n' "$1" "$n" "$lines" "$prod"
}

echo "== lines per folder ($(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'))"
printf '%-30s %5s %7s %7s\n' folder files lines prod
row "src/" src
root_n=0; root_lines=0; root_prod=0
for f in src/*.rs; do
  read -r n lines prod < <(awk 'FNR == 1 { n++ } /#\[cfg\(test\)\]/ { t = 1 } { l++; if (!t) p++ } END { print n, l, p }' "$f")
  root_n=$((root_n + n)); root_lines=$((root_lines + lines)); root_prod=$((root_prod + prod))
done
printf '%-30s %5d %7d %7d\n' "  src/*.rs" "$root_n" "$root_lines" "$root_prod"
for top in src/*/; do
  top="${top%/}"
  row "  $top/" "$top"
  for sub in "$top"/*/; do
    [ -d "$sub" ] || continue
    sub="${sub%/}"
    row "    $sub/" "$sub"
    if [ "$sub" = src/ui/views ]; then
      for view in "$sub"/*/; do
        [ -d "$view" ] || continue
        row "      ${view%/}/" "${view%/}"
      done
    fi
  done
done

echo
echo "== 10 largest .rs files under src/"
printf '%7s %7s  %s\n' lines prod file
find src -name '*.rs' | sort | while read -r f; do
  awk '/#\[cfg\(test\)\]/ { t = 1 } { l++; if (!t) p++ } END { printf "%7d %7d  %s\n", l, p, FILENAME }' "$f"
done | sort -k1,1nr -k3 | head -n 10

if [ "${STATS_SKIP_TEST:-0}" = 1 ]; then exit 0; fi
echo
echo "== tests/architecture.rs"
if [ ! -f tests/architecture.rs ]; then
  echo "no tests/architecture.rs"
  exit 0
fi
out="$(${CARGO:-cargo} test --quiet --test architecture -- --nocapture --test-threads=1 2>&1 || true)"
summary="$(grep -o 'architecture: .*' <<<"$out" || true)"
if [ -z "$summary" ]; then
  echo "the architecture test printed no summary; its output:" >&2
  tail -n 20 <<<"$out" >&2
  exit 1
fi
echo "$summary"
circles="$(sed -n 's/^architecture: .*, \([0-9][0-9]*\) circles$/\1/p' <<<"$summary" | head -n 1)"
echo "import circles: ${circles:-n/a (this tests/architecture.rs has no circle check)}"
