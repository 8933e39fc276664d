#!/usr/bin/env bash
# `vault bench pipeline` and `restic backup` side by side on one directory, alternating, ROUNDS
# times (the machine's speed drifts; alternating shares the drift). Per round: vault in a fresh
# JVM (cold: JIT warm-up included; pipeline time and whole process), vault's third pass in one JVM
# (warm: a long-lived worker's steady state; each pass into a new repository), restic 0.14 into a new repository (v2, compression
# auto). Prints each round, then medians and vault/restic ratios. WARM_PASSES=1 skips the warm
# runs (for large directories, where the cold run's JIT warm-up weighs little anyway).
set -euo pipefail
dir=${1:?usage: bench/pipeline-vs-restic.sh DIR [ROUNDS]}
rounds=${2:-3}
passes=${WARM_PASSES:-3}
here="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$here/bench/restic-common.sh"

"$here/vault" --help >/dev/null # builds the CLI (and its class-data-sharing archive) first, outside the timings
# The machine is shared: the load average before and after says how much the figures are worth.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-46s %-22s %-28s\n' round "vault cold: pipeline/process, stored, CPU" "vault warm (last pass)" "restic: process, stored, CPU"
for r in $(seq 1 "$rounds"); do
  # The cold run's CPU (user + system), as restic_round reports restic's: it holds far better
  # than wall time on a shared machine.
  t0=$(now); cold=$( { TIMEFORMAT='%U %S'; time "$here/vault" bench pipeline "$dir" 2>"$work/runtime"; } 2>"$work/cpu" ); t1=$(now)
  ccpu=$(awk '{ print $1 + $2 }' "$work/cpu")
  if [ "$r" = 1 ]; then sed 's/^vault bench: /vault runs: /' "$work/runtime"; fi
  warm=$cold
  if [ "$passes" -gt 1 ]; then warm=$("$here/vault" bench pipeline --passes "$passes" "$dir" 2>/dev/null | tail -1); fi
  read -r rw rstored rcpu < <(restic_round "$dir")
  awk -v r="$r" -v b="$(echo "$cold" | field bytes)" -v cp="$(echo "$cold" | field seconds)" -v t0="$t0" -v t1="$t1" \
      -v cs="$(echo "$cold" | field storedBytes)" -v w="$(echo "$warm" | field seconds)" -v rw="$rw" -v rs="$rstored" \
      -v cc="$ccpu" -v rc="$rcpu" -v out="$work/rounds" 'BEGIN {
    cw = t1 - t0
    printf "%.3f %.3f %d %.3f %.3f %d %.2f %.2f\n", cp, cw, cs, w, rw, rs, cc, rc >> out
    printf "%-6s %5.2f s %4.0f MB/s / %5.2f s, %5.1f MB, %5.2f CPU-s  %5.2f s %4.0f MB/s   %5.2f s %4.0f MB/s, %5.1f MB, %5.2f CPU-s\n",
      r, cp, b / cp / 1e6, cw, cs / 1e6, cc, w, b / w / 1e6, rw, b / rw / 1e6, rs / 1e6, rc }'
done
m() { median "$work/rounds" "$1"; }
cp=$(m 1); cw=$(m 2); cs=$(m 3); w=$(m 4); rw=$(m 5); rs=$(m 6); cc=$(m 7); rc=$(m 8)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "medians over $rounds rounds (throughputs are of the bytes vault read: regular files, links not followed):"
awk -v cp="$cp" -v cw="$cw" -v cs="$cs" -v w="$w" -v rw="$rw" -v rs="$rs" -v cc="$cc" -v rc="$rc" 'BEGIN {
  printf "  vault cold pipeline %.2f s (%.2fx restic), whole process %.2f s (%.2fx)\n", cp, rw / cp, cw, rw / cw
  printf "  vault warm pipeline %.2f s (%.2fx restic)\n", w, rw / w
  printf "  CPU (user + system): vault cold %.2f s, restic %.2f s (restic/vault %.2fx)\n", cc, rc, rc / cc
  printf "  restic %.2f s; stored: vault %.1f MB, restic %.1f MB (vault/restic %.3f)\n", rw, cs / 1e6, rs / 1e6, cs / rs }'
