#!/usr/bin/env bash
# `npm run validate [-- file.xml …]`: checks add-in manifests (default: manifest.xml) against the
# 2019 task-pane XSDs kept in vendor/office-addin-manifest-schemas (offline; the online
# `office-addin-manifest validate` needs a Microsoft service that CI cannot reach). A built
# deployment manifest is checked the same way: `npm run validate -- dist/manifest.xml`.
# Fails loudly when xmllint or the schemas are missing: a skipped check must never look like a pass.
set -euo pipefail
# Paths the user typed are relative to the folder npm was started in (npm runs scripts from the
# package root and passes the user's folder as INIT_CWD): check them from there, as typed.
start=${INIT_CWD:-$PWD}
# The repository root, with shell built-ins only (the script must run with a bare PATH).
case "${BASH_SOURCE[0]}" in */*) root=$(cd "${BASH_SOURCE[0]%/*}/.." && pwd) ;; *) root=$(cd .. && pwd) ;; esac
schema=$root/vendor/office-addin-manifest-schemas/OfficeAppManifestV1_1.xsd
if ! command -v xmllint >/dev/null 2>&1; then
  echo "validate-manifest: xmllint không có / is missing — apt-get install -y libxml2-utils" >&2
  exit 2
fi
if [ ! -f "$schema" ]; then
  echo "validate-manifest: không thấy lược đồ / schema not found: vendor/office-addin-manifest-schemas/OfficeAppManifestV1_1.xsd" >&2
  exit 2
fi
if [ $# -eq 0 ]; then
  start=$root
  set -- manifest.xml
fi
cd "$start"
status=0
for file in "$@"; do
  if [ ! -f "$file" ]; then
    echo "validate-manifest: không có tệp / no such file: $file" >&2
    exit 2
  fi
  # xmllint prints "<file> validates", or each schema error with its line, then "<file> fails to validate".
  xmllint --noout --schema "$schema" "$file" || status=1
done
exit $status
