# Sourced by the *-vs-restic.sh scripts: what they share about running restic and reading figures.
# Needs $work (a scratch directory the caller removes).

command -v restic >/dev/null || { echo "restic is not installed (Debian: apt-get install restic)" >&2; exit 1; }
export RESTIC_PASSWORD=bench RESTIC_CACHE_DIR="$work/cache"

# field NAME: the last numeric value of "NAME": in the JSON on stdin.
field() { grep -o "\"$1\":[0-9.]*" | tail -1 | cut -d: -f2; }
now() { date +%s.%N; }

# restic_round DIR: `restic backup` of DIR into a new repository (v2, compression auto), then the
# repository removed; prints "wall-seconds stored-bytes cpu-seconds" (stored: du -sb of the
# repository; cpu: the backup's user + system time, as bash's `time` reports it).
restic_round() {
  restic init -r "$work/repo" --repository-version 2 -q
  local t0 t1 stored cpu TIMEFORMAT='%U %S'
  t0=$(now); cpu=$( { time restic -r "$work/repo" backup -q "$1"; } 2>&1 ); t1=$(now)
  stored=$(du -sb "$work/repo" | cut -f1); rm -rf "$work/repo"
  awk -v t0="$t0" -v t1="$t1" -v s="$stored" -v c="$cpu" 'BEGIN { split(c, u, " "); printf "%.3f %d %.2f\n", t1 - t0, s, u[1] + u[2] }'
}

# median FILE COLUMN: the median of a space-separated column.
median() { cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
