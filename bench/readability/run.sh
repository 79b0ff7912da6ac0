#!/usr/bin/env bash
# Mozilla Readability (npm @mozilla/readability + jsdom), readability-lxml (Debian python3-readability) and Dossier,
# in one run on the same pages of the extraction development sets, every tool pinned to one core and scored by the
# same code (Dossier's ExtractionEvaluator: word 4-shingle F1 where the set has a full body, trafilatura's snippet F1
# on its set). Speed is pages per CPU-second of the tool's process (steady on a shared machine) and per wall-clock second. Installs the two tools itself. Usage (from anywhere):
#   bench/readability/run.sh                       # naeb and trafilatura-eval, every page
#   SETS=naeb LIMIT=50 bench/readability/run.sh    # a quick check
# Results: bench/readability/work/results.md (and stdout).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${DATA:-$root/../shared/data/extraction}
sets=${SETS:-naeb trafilatura-eval}
limit=${LIMIT:-}
cpu=${CPU:-0}
work=$here/work
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"

# 1. The tools, installed here (node_modules) and from Debian.
if [ ! -d "$here/node_modules/@mozilla/readability" ] || [ ! -d "$here/node_modules/jsdom" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi
if ! /usr/bin/python3 -c 'import readability' 2>/dev/null; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-readability
fi
dotnet build "$here/DossierRunner" -c Release -v quiet -nologo | grep -E "error|Warn" || true
runner=(dotnet "$here/DossierRunner/bin/Release/net10.0/DossierRunner.dll")
pin=(); command -v taskset >/dev/null && pin=(taskset -c "$cpu")

mozilla_version=$(node -p "require('$here/node_modules/@mozilla/readability/package.json').version")
jsdom_version=$(node -p "require('$here/node_modules/jsdom/package.json').version")
lxml_version=$(dpkg-query -W -f='${Version}' python3-readability 2>/dev/null || echo unknown)
mkdir -p "$work"
{
  echo "# Readability side by side ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "Mozilla Readability $mozilla_version + jsdom $jsdom_version (node $(node --version)); readability-lxml $lxml_version (Debian); Dossier at $(git -C "$root" rev-parse --short HEAD)."
  echo "Each tool pinned to CPU $cpu; timed: decoding + parsing + extracting one page already read and gunzipped, by process CPU time and wall clock."
  echo
} > "$work/results.md"

for set in $sets; do
  dir=$work/$set
  rm -rf "$dir"; mkdir -p "$dir"
  "${runner[@]}" pages "$data/$set" "$dir/pages.tsv" $limit
  echo "== $set: Mozilla Readability" >&2
  "${pin[@]}" node "$here/run-mozilla.mjs" "$dir/pages.tsv" "$dir/mozilla-readability"
  echo "== $set: readability-lxml" >&2
  "${pin[@]}" /usr/bin/python3 "$here/run-lxml.py" "$dir/pages.tsv" "$dir/readability-lxml"
  echo "== $set: Dossier" >&2
  "${pin[@]}" "${runner[@]}" extract "$dir/pages.tsv" "$dir/dossier"
  "${runner[@]}" score "$data/$set" "$dir" mozilla-readability readability-lxml dossier | tee -a "$work/results.md"
  echo >> "$work/results.md"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$work/results.md"
cat "$work/results.md"
