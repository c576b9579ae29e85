#!/usr/bin/env bash
# Fuzzes the scenario and patient parsers with libFuzzer for SECONDS (default 60), from a seed corpus of the
# example files. Builds target osteosim-fuzz with -sanitize=fuzzer in its own build folder (.build-fuzz).
# Exit status 0 when no crash, timeout (hang) or out-of-memory was found; crashes are written to
# .build-fuzz/artifacts/ (reproduce with: swift run osteosim-fuzz FILE). The full log is .build-fuzz/fuzz.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
swift build -c release --product osteosim-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer -Xswiftc -DOSTEOSIM_LIBFUZZER
corpus=.build-fuzz/corpus
mkdir -p "$corpus" .build-fuzz/artifacts
cp examples/*.yaml examples/patients/* examples/bad/* "$corpus"/ 2>/dev/null || true
# -timeout: one input taking more than 10 s is a hang; -rss_limit_mb: more than 1 GiB is a failure.
set +e
# The Swift runtime's backtracer would take the crash signal before libFuzzer can save the input.
SWIFT_BACKTRACE=enable=no .build-fuzz/release/osteosim-fuzz "$corpus" -dict=tools/fuzz/yaml.dict -max_total_time="$seconds" \
  -timeout=10 -rss_limit_mb=1024 -max_len=4096 -print_final_stats=1 \
  -artifact_prefix=.build-fuzz/artifacts/ > .build-fuzz/fuzz.log 2>&1
status=$?
set -e
grep -E "^(Done|==[0-9]+==|SUMMARY|stat::number_of_executed_units|stat::peak_rss_mb|artifact_prefix|Test unit written)" .build-fuzz/fuzz.log || true
echo "osteosim-fuzz: ${seconds} s, exit status ${status} (0 = no crash, hang or out-of-memory)"
exit "$status"
