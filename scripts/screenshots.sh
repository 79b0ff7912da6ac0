#!/usr/bin/env bash
# Refreshes docs/screenshots/ (the README's pictures of the web app) from the browser tests, which drive Debian's
# chromium over the sample dossier. Needs /usr/bin/chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -x /usr/bin/chromium ]]; then
  echo "screenshots.sh: /usr/bin/chromium not found; install it with: apt-get install chromium" >&2
  exit 1
fi
DOSSIER_SCREENSHOTS="$PWD/docs/screenshots" dotnet test tests/Dossier.Web.Tests --configuration Release \
  --filter "FullyQualifiedName~Screenshots_of_the_main_pages"
ls -l docs/screenshots
