#!/usr/bin/env bash
# Checks manifest.xml against the 2019 task-pane XSDs in ../shared/manifest-schema (offline; the
# online `office-addin-manifest validate` needs a service that CI cannot reach). Fails loudly
# when xmllint or the shared validator is missing: a skipped check must never look like a pass.
set -euo pipefail
# The repository root, without external commands (the script must run with a bare PATH).
case "${BASH_SOURCE[0]}" in */*) cd "${BASH_SOURCE[0]%/*}/.." ;; *) cd .. ;; esac
validator=../shared/tools/validate-manifest
if ! command -v xmllint >/dev/null 2>&1; then
  echo "validate-manifest: xmllint không có / is missing — apt-get install -y libxml2-utils" >&2
  exit 2
fi
if [ ! -x "$validator" ] && [ ! -f "$validator" ]; then
  echo "validate-manifest: không thấy / cannot find $validator (shared/ must sit beside the repository)" >&2
  exit 2
fi
bash "$validator" manifest.xml
