#!/usr/bin/env bash
# Builds the benchmarks and runs the per-call ones at 1 and 2 threads, writing
# benchmarks/results/<yyyy-mm-dd>-jdk<N>.md, and the Redis rate limiter comparison at 1 and
# 16 threads, writing benchmarks/results/<yyyy-mm-dd>-jdk<N>-redis.md.
# Usage: benchmarks/run.sh [quick|full] [regex]; `benchmarks/run.sh quick redis` runs only
# the Redis comparison.
# Uses $JAVA_HOME/bin/java when JAVA_HOME is set, else java on the PATH.
set -euo pipefail

profile="${1:-quick}"
case "$profile" in
	quick | full) ;;
	*)
		echo "usage: $0 [quick|full] [benchmark regex]" >&2
		exit 2
		;;
esac
shift $(($# > 0 ? 1 : 0))

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

./mvnw -B -q -pl benchmarks -am package -DskipTests

java="java"
if [ -n "${JAVA_HOME:-}" ]; then
	java="$JAVA_HOME/bin/java"
fi
exec "$java" -Dbenchmarks.command="benchmarks/run.sh $profile${*:+ $*}" \
	-Dbenchmarks.results="$root/benchmarks/results" \
	-jar benchmarks/target/benchmarks.jar "$profile" "$@"
