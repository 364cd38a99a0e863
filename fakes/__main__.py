"""Run the fake Tavily and OpenAI servers until interrupted: ``python -m fakes [--latency realistic]``.

Prints the environment that points the product at them (for demos and manual benchmarks).
"""

from __future__ import annotations

import argparse
import threading

from fakes.latency import INSTANT, REALISTIC, apply_latencies
from fakes.openai import FakeOpenAI
from fakes.tavily import FakeTavily


def main() -> None:
    """Start both fakes, print their settings and serve until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency", choices=["realistic", "none"], default="none")
    parser.add_argument("--tavily-port", type=int, default=0)
    parser.add_argument("--openai-port", type=int, default=0)
    parser.add_argument("--tavily-key", default="tvly-test-key")
    parser.add_argument("--openai-key", default="sk-test-key")
    options = parser.parse_args()
    tavily = FakeTavily(api_key=options.tavily_key).start(options.tavily_port)
    openai = FakeOpenAI(api_key=options.openai_key).start(options.openai_port)
    apply_latencies(REALISTIC if options.latency == "realistic" else INSTANT, tavily=tavily, openai=openai)
    print(f"TAVILY_API_KEY={options.tavily_key}\nTAVILY_API_BASE_URL={tavily.url}")
    print(f"OPENAI_API_KEY={options.openai_key}\nOPENAI_BASE_URL={openai.url}/v1", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        tavily.stop()
        openai.stop()


if __name__ == "__main__":
    main()
