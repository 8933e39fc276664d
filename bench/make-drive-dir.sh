#!/usr/bin/env bash
# Builds the directory bench/drive-vs-restic.sh is measured on, the same on any Debian/Ubuntu
# machine with openjdk-17 installed: binaries and zipped modules (the JDK), text (the first 1,000
# files of /usr/share/doc in name order) and whole-file duplicates (a second copy of the JDK's
# jmods), so both tools meet incompressible, compressible and deduplicable data. Links are copied
# as the files they point to (dangling ones left out): graph-sim mirrors regular files only, and
# restic must see the same files.
set -euo pipefail
out=${1:?usage: bench/make-drive-dir.sh OUT_DIR}
jdk=${JDK_DIR:-/usr/lib/jvm/java-17-openjdk-amd64}
[ ! -e "$out" ] || { echo "$out exists; give a new directory" >&2; exit 1; }

# copy SRC DEST [N]: the first N (default all) regular files under SRC, in name order, links followed
# (sed, not head, picks them: head would end the pipe early and pipefail stop the script).
copy() {
  (cd "$1" && find -L . -type f -print0 | LC_ALL=C sort -z | sed -z -n "1,${3:-\$}p") \
    | while IFS= read -r -d '' f; do mkdir -p "$2/$(dirname "$f")"; cp -L "$1/$f" "$2/$f"; done
}
copy "$jdk" "$out/jdk"
copy /usr/share/doc "$out/doc" 1000
copy "$out/jdk/jmods" "$out/dup/jmods"
echo "$out: $(find "$out" -type f | wc -l) files, $(du -sb "$out" | cut -f1) bytes"
