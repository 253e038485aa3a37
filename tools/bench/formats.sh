#!/usr/bin/env bash
# Import throughput by format, measured in one run on the same machine: the same documents as text,
# as portal-like HTML pages, Word (.docx) files, TCVN3 text, PDFs and our Akoma Ntoso export (written by
# build/format_corpus), each imported
# into a fresh database by `vanban import`. Prints the seconds, MB/s of the documents' text, and each
# format's throughput against the text import (target for HTML and DOCX: at least 0.5x).
# Usage: tools/bench/formats.sh [DIR]   (default ../shared/corpus, else corpus/)
# Exit codes: 0 ok, 1 failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-../shared/corpus}
[[ -d $dir ]] || dir=corpus
cmake --build build -j"$(nproc)" --target vanban format_corpus >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/format_corpus "$dir" "$work/in"
text_mb=$(du -sb "$work/in/txt" | awk '{print $1 / 1e6}')
run() {  # run FORMAT: seconds of the import
  local start end
  start=$(date +%s.%N)
  build/vanban import "$work/in/$1" --db "$work/$1.db" --quiet 2>>"$work/warnings.log"  # warnings: duplicates, old encodings
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN {printf "%.2f", e - s}'
}
echo "documents: $(ls "$work/in/txt" | wc -l), text $text_mb MB, $(nproc) cores"
declare -A secs
for f in txt html docx tcvn3 pdf akn txt html docx tcvn3 pdf akn; do secs[$f]="${secs[$f]:-} $(run "$f")"; done  # twice each, alternated
for f in txt html docx tcvn3 pdf akn; do
  best=$(tr ' ' '\n' <<<"${secs[$f]}" | grep . | sort -g | head -1)
  secs[$f]=$best
  printf '%-5s %6.2f s  %6.1f MB/s (of the text)\n' "$f" "$best" "$(awk -v m="$text_mb" -v s="$best" 'BEGIN {print m / s}')"
done
for f in html docx tcvn3 pdf akn; do
  printf 'ratio %s/txt throughput: %.2fx (target for html and docx: >= 0.5x)\n' "$f" "$(awk -v t="${secs[txt]}" -v s="${secs[$f]}" 'BEGIN {print t / s}')"
done
