#!/usr/bin/env bash
# Installs SUNDIALS if needed and runs the side-by-side comparison (release build).
set -euo pipefail
cd "$(dirname "$0")"
if ! dpkg -s libsundials-dev >/dev/null 2>&1; then apt-get update -qq && apt-get install -y -qq libsundials-dev; fi
swift run -c release cvode-compare "$@"
