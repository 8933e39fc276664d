#!/usr/bin/env bash
# The files workload end to end against `restic backup` of the same directory, alternating,
# ROUNDS times (this machine's speed drifts; alternating shares the drift). Per round: DriveBench
# in a fresh JVM (graph-sim mirrors DIR into a OneDrive, one full backup of it through the engine
# into a new repository on Azurite; the backup run is timed, and the whole process), then restic
# 0.14 into a new repository (v2, compression auto). Prints each round, then medians and ratios.
# Also the CPU of each: vault's split into the engine, JIT, GC+VM and the stand-ins (graph-sim,
# Azurite), which in a deployment run on Microsoft's and Azure's machines, not the backup's.
# Needs bench/target/benchmarks.jar (mvn -B -q -pl bench -am package -DskipTests).
# DRIVEBENCH_JAVA_OPTS replaces the JVM options (default: the parallel collector, as ./vault);
# DRIVEBENCH_ARGS=--sim-hashes-in-timing keeps graph-sim's hashing of DIR inside the timed backup.
set -euo pipefail
dir=${1:?usage: bench/drive-vs-restic.sh DIR [ROUNDS]}
rounds=${2:-3}
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/bench/target/benchmarks.jar"
[ -f "$jar" ] || { echo "no $jar: mvn -B -q -pl bench -am package -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$here/bench/restic-common.sh"
read -r -a jopts <<<"${DRIVEBENCH_JAVA_OPTS:--XX:+UseParallelGC}"
read -r -a bargs <<<"${DRIVEBENCH_ARGS:-}"

printf '%-6s %-44s %-10s %-28s\n' round "vault: backup/process, stored (packs)" "heap" "restic: process, stored"
for r in $(seq 1 "$rounds"); do
  t0=$(now)
  if ! v=$(java "${jopts[@]}" -cp "$jar" io.m365vault.bench.DriveBench ${bargs[@]+"${bargs[@]}"} "$dir" 2>"$work/drivebench.log"); then
    tail -20 "$work/drivebench.log" >&2; exit 1
  fi
  t1=$(now)
  read -r rw rs rc < <(restic_round "$dir")
  [ -n "${rs:-}" ] || { echo "restic failed" >&2; exit 1; }
  awk -v r="$r" -v b="$(echo "$v" | field bytes)" -v vs="$(echo "$v" | field seconds)" -v t0="$t0" -v t1="$t1" \
      -v vc="$(echo "$v" | field containerBytes)" -v vp="$(echo "$v" | field packBytes)" \
      -v h="$(echo "$v" | field peakHeapSampledMiB)" -v rw="$rw" -v rs="$rs" -v rc="$rc" \
      -v ce="$(echo "$v" | field cpuEngine)" -v cg="$(echo "$v" | field cpuGraphSim)" -v cj="$(echo "$v" | field cpuJit)" \
      -v cv="$(echo "$v" | field cpuGcVm)" -v ca="$(echo "$v" | field cpuAzurite)" -v out="$work/rounds" 'BEGIN {
    vw = t1 - t0
    printf "%.3f %.3f %d %d %.1f %.3f %d %d %.2f %.2f %.2f %.2f %.2f %.2f\n", vs, vw, vc, vp, h, rw, rs, b, ce, cg, cj, cv, ca, rc >> out
    printf "%-6s %6.2f s %4.0f MB/s / %6.2f s, %6.1f MB (%6.1f)  %5.0f MiB  %6.2f s %4.0f MB/s, %6.1f MB\n",
      r, vs, b / vs / 1e6, vw, vc / 1e6, vp / 1e6, h, rw, b / rw / 1e6, rs / 1e6
    printf "       CPU s: engine %.2f, graph-sim %.2f, JIT %.2f, GC+VM %.2f, Azurite %.2f; restic %.2f\n", ce, cg, cj, cv, ca, rc }'
  echo "       vault: $v"
done
m() { median "$work/rounds" "$1"; }
vs=$(m 1); vw=$(m 2); vc=$(m 3); vp=$(m 4); h=$(m 5); rw=$(m 6); rs=$(m 7); b=$(m 8)
ce=$(m 9); cg=$(m 10); cj=$(m 11); cv=$(m 12); ca=$(m 13); rc=$(m 14)
echo "medians over $rounds rounds, $b bytes (MB/s of DIR's regular files; vault stored = every blob of its container, packs in brackets; its Azure Tables are not counted):"
awk -v vs="$vs" -v vw="$vw" -v vc="$vc" -v vp="$vp" -v h="$h" -v rw="$rw" -v rs="$rs" -v b="$b" \
    -v ce="$ce" -v cg="$cg" -v cj="$cj" -v cv="$cv" -v ca="$ca" -v rc="$rc" 'BEGIN {
  printf "  vault backup %.2f s (%.0f MB/s, %.2fx restic), whole process %.2f s (%.2fx); peak heap sampled %.0f MiB\n", vs, b / vs / 1e6, rw / vs, vw, rw / vw, h
  printf "  restic %.2f s (%.0f MB/s); stored: vault %.1f MB (packs %.1f), restic %.1f MB (vault/restic %.3f)\n", rw, b / rw / 1e6, vc / 1e6, vp / 1e6, rs / 1e6, vc / rs
  printf "  CPU seconds of the backup: vault engine %.2f (%.2fx restic), + JIT %.2f, GC+VM %.2f; the stand-ins graph-sim %.2f, Azurite %.2f; restic %.2f\n", ce, ce / rc, cj, cv, cg, ca, rc }'
