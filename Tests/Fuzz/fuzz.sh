#!/usr/bin/env bash
# Fuzzes each reader of hostile bytes with libFuzzer for a set time, one target after the
# other (one job: the machine is shared), starting from the seeds in Tests/Fuzz/Corpus.
#
#   Tests/Fuzz/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]     default: 600 s, every target
#
# Targets: text, html, docx, word-xml (see Tests/Fuzz/Sources/FuzzTarget.swift). Inputs that
# found new coverage go to .build-fuzz/corpus/TARGET; a crash, leak or hang stops the run
# with its input in .build-fuzz/crashes/TARGET. Copy such an input into
# Tests/Fuzz/Corpus/TARGET once fixed: FuzzCorpusTests replays that folder in every test run.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text html docx word-xml)
scratch=.build-fuzz
flags=(-c release --product ogiwatch-fuzz --scratch-path "$scratch"
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -DOGIWATCH_LIBFUZZER)
swift build "${flags[@]}" >&2
bin="$(swift build "${flags[@]}" --show-bin-path)/ogiwatch-fuzz"
status=0
for target in "${targets[@]}"; do
    [ -d "Tests/Fuzz/Corpus/$target" ] || { echo "fuzz.sh: no target $target" >&2; exit 2; }
    mkdir -p "$scratch/corpus/$target" "$scratch/crashes/$target"
    log="$scratch/$target.log"
    echo "== $target: $seconds s" >&2
    if OGIWATCH_FUZZ_TARGET=$target "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$scratch/crashes/$target/" \
        "$scratch/corpus/$target" "Tests/Fuzz/Corpus/$target" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        echo "$target: $runs runs in $seconds s, $((runs / seconds)) exec/s, no crash, leak or hang" >&2
    else
        status=1
        echo "$target: FAILED, see $log and $scratch/crashes/$target/" >&2
        grep -E "^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" "$log" >&2 || tail -n 20 "$log" >&2
    fi
done
exit $status
