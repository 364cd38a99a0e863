#!/usr/bin/env bash
# Runs the whole suite against engines of its own (var/test, fresh each run) unless
# DATABASE_URL / MONGODB_URI / REDIS_URL are set, in which case those servers are used.
set -euo pipefail
cd "$(dirname "$0")/.."
export PMF_SERVICES_FILE=/nonexistent   # never read the dev services file
export DJANGO_SETTINGS_MODULE=pmfsite.settings.test
TEST_DIR="${PMF_TEST_DIR:-var/test}"
mkdir -p "$TEST_DIR-logs"
export PMF_TEST_LOG_DIR="$PWD/$TEST_DIR-logs"
export PMF_REQUIRE_BROWSER="${PMF_REQUIRE_BROWSER:-1}"   # make test installs Chromium; never skip silently
export PMF_VAR_DIR="$PWD/$TEST_DIR/state"   # demo key, source cache: never the developer's var/
.venv/bin/python -m infra.embedded run --dir "$TEST_DIR" --fresh -- \
  .venv/bin/python -m pytest "$@"
