"""Three machines: the web server and two workers, each in its own network namespace with its own
address, reaching PostgreSQL, MongoDB and Redis over the network. One worker is cut off mid-run;
every research still finishes, on the other worker, charged once.

Needs root and iproute2 (``make system-deps``); the namespaces, links and engines are the test's own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, wait_until

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        os.geteuid() != 0 or not shutil.which("ip"), reason="needs root and iproute2 (ip netns)"
    ),
]

SUBNET = "10.213.{}.0/24"
RESEARCHES = 4
WEB_PORT = 8000
FAKE_TAVILY_PORT = 18080  # on each worker's own loopback (a private fake per machine)


def ip(*arguments: str, check: bool = True) -> None:
    subprocess.run(["ip", *arguments], check=check, capture_output=True, timeout=20)


@dataclass
class Network:
    """A bridge on the host (the engines' address) and one namespace per machine, joined by veth pairs."""

    tag: str
    octet: int
    bridge: str = ""
    hosts: dict[str, str] = field(default_factory=dict)  # machine -> its address

    @property
    def engines_address(self) -> str:
        return f"10.213.{self.octet}.1"

    def up(self, machines: list[str]) -> None:
        self.bridge = f"pmfbr{self.tag}"
        ip("link", "add", self.bridge, "type", "bridge")
        ip("addr", "add", f"{self.engines_address}/24", "dev", self.bridge)
        ip("link", "set", self.bridge, "up")
        for number, machine in enumerate(machines, start=10):
            address = f"10.213.{self.octet}.{number}"
            self.hosts[machine] = address
            namespace, outside = self.namespace(machine), self.link(machine)
            ip("netns", "add", namespace)
            ip("link", "add", outside, "type", "veth", "peer", "name", "eth0", "netns", namespace)
            ip("link", "set", outside, "master", self.bridge, "up")
            ip("-n", namespace, "addr", "add", f"{address}/24", "dev", "eth0")
            ip("-n", namespace, "link", "set", "eth0", "up")
            ip("-n", namespace, "link", "set", "lo", "up")

    def namespace(self, machine: str) -> str:
        return f"pmf-{self.tag}-{machine}"

    def link(self, machine: str) -> str:
        return f"pmf{self.tag}h{list(self.hosts).index(machine)}"

    def cut(self, machine: str) -> None:
        """Unplug the machine's cable: its connections to every engine go silent."""
        ip("link", "set", self.link(machine), "down")

    def down(self) -> None:
        for machine in self.hosts:
            ip("link", "del", self.link(machine), check=False)
            ip("netns", "del", self.namespace(machine), check=False)
        if self.bridge:
            ip("link", "del", self.bridge, check=False)


class Machine:
    """A process inside a machine's namespace, logging to a file."""

    def __init__(
        self, network: Network, machine: str, name: str, command: list[str], env: dict[str, str]
    ) -> None:
        self.log_path = Path(os.environ.get("PMF_TEST_LOG_DIR", "/tmp")) / f"multihost-{name}.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        wrapped = ["ip", "netns", "exec", network.namespace(machine), *command]
        self.process = subprocess.Popen(
            wrapped, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT
        )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        self._log.close()


@pytest.fixture
def network() -> Iterator[Network]:
    tag = f"{os.getpid() % 10000:04d}"
    net = Network(tag=tag, octet=int(tag) % 200 + 20)
    try:
        yield net
    finally:
        net.down()


def engines_on(directory: Path, address: str, network_cidr: str) -> dict[str, str]:
    """Fresh PostgreSQL, MongoDB and Redis listening on ``address`` (the bridge), migrated."""
    from infra import embedded

    embedded.postgres_up(directory)
    urls = {
        "DATABASE_URL": embedded.postgres_listen(directory, address, network_cidr),
        "MONGODB_URI": embedded.mongo_up(directory, host=address)[0],
        "REDIS_URL": embedded.redis_up(directory, host=address)[0],
    }
    return urls


def machine_env(urls: dict[str, str], **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        **urls,
        "DJANGO_SETTINGS_MODULE": "pmfsite.settings.test",
        "PMF_SERVICES_FILE": "/nonexistent",
        "MONGODB_DB": "pmf_multihost_test",
        "REDIS_KEY_PREFIX": "pmfmultihost",
        "CELERY_QUEUE": "multihost",
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def manage(env: dict[str, str], *arguments: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def api(url: str, key: str, method: str = "GET", body: dict[str, Any] | None = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Authorization": f"Api-Key {key}", "Content-Type": "application/json"}
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def worker(network: Network, machine: str, urls: dict[str, str]) -> list[Machine]:
    """A Celery worker and its private fake Tavily (slow enough to be cut off mid-run)."""
    fake = Machine(
        network,
        machine,
        f"{machine}-tavily",
        [
            sys.executable,
            "-m",
            "fakes",
            "--latency",
            "realistic",
            "--tavily-port",
            str(FAKE_TAVILY_PORT),
            "--tavily-key",
            "tvly-multihost",
        ],
        machine_env(urls),
    )
    env = machine_env(
        urls,
        TAVILY_API_KEY="tvly-multihost",
        TAVILY_API_BASE_URL=f"http://127.0.0.1:{FAKE_TAVILY_PORT}",
        RESEARCH_LEASE_SECONDS="4",
        RESEARCH_REQUEUE_AFTER_SECONDS="2",
        RESEARCH_REAPER_INTERVAL_SECONDS="1",
        RESEARCH_QUEUED_STALE_SECONDS="15",
        PROVIDER_TIMEOUT_SECONDS="20",
    )
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "pmfsite",
        "worker",
        "--pool",
        "threads",
        "--concurrency",
        "2",
        "--prefetch-multiplier",
        "1",
        "--loglevel",
        "INFO",
        "--queues",
        "multihost",
        "--hostname",
        f"{machine}@%h",
        "--without-gossip",
        "--without-mingle",
    ]
    celery = Machine(network, machine, machine, command, env)
    wait_until(
        lambda: "ready" in celery.log() or celery.process.poll() is not None, timeout=120, what=machine
    )
    assert celery.process.poll() is None, celery.log()
    return [fake, celery]


def test_a_worker_cut_off_mid_run_loses_no_research_and_charges_once(
    network: Network, engine_dir: Path
) -> None:
    # given three machines on their own addresses, and the engines on the bridge's
    network.up(["web", "worker-a", "worker-b"])
    urls = engines_on(engine_dir, network.engines_address, SUBNET.format(network.octet))
    env = machine_env(urls, DJANGO_ALLOWED_HOSTS=network.hosts["web"])
    manage(env, "migrate", "--noinput")
    manage(env, "ensure_indexes")
    key = manage(env, "apikey", "create", "--user", "alice").strip().splitlines()[-1]
    processes: list[Machine] = []
    try:
        web = Machine(
            network,
            "web",
            "web",
            [
                sys.executable,
                "-m",
                "uvicorn",
                "pmfsite.asgi:application",
                "--host",
                network.hosts["web"],
                "--port",
                str(WEB_PORT),
                "--lifespan",
                "off",
            ],
            env,
        )
        processes.append(web)
        base = f"http://{network.hosts['web']}:{WEB_PORT}/api/v1"
        wait_until(lambda: _answers(base), timeout=120, what="web server")
        worker_a = worker(network, "worker-a", urls)
        worker_b = worker(network, "worker-b", urls)
        processes += worker_a + worker_b
        balance_before = api(f"{base}/credits/balance", key)["balance"]
        # when alice submits researches and worker A has started some of them
        tasks = [
            api(
                f"{base}/research/submit",
                key,
                "POST",
                {"product_idea": f"A meal planner for busy families, take {n}"},
            )
            for n in range(RESEARCHES)
        ]
        ids = [task["task_id"] for task in tasks]
        on_a = wait_until(
            lambda: [i for i in ids if f"research-{i}-" in worker_a[1].log()],
            timeout=120,
            interval=0.2,
            what="worker A running a research",
        )
        # and worker A's machine is cut off from every engine mid-run
        network.cut("worker-a")
        assert all(_status(base, key, task_id) != "completed" for task_id in on_a), "finished before the cut"
        # then every research finishes: those worker A had started, resumed on worker B
        wait_until(
            lambda: all(_status(base, key, task_id) == "completed" for task_id in ids),
            timeout=300,
            interval=1.0,
            what="every research completed",
        )
        finished_on_b = worker_b[1].log()
        assert all(f"research-{task_id}-" in finished_on_b for task_id in on_a)
        # and each was charged exactly once: 6 credits per essential, no refund
        charges = api(f"{base}/credits/transactions?page_size=100", key)["results"]
        kinds = sorted(row["kind"] for row in charges)
        assert kinds.count("research_charge") == RESEARCHES and "refund" not in kinds
        assert api(f"{base}/credits/balance", key)["balance"] == balance_before - 6 * RESEARCHES
    finally:
        for process in reversed(processes):
            process.stop()


def _answers(base: str) -> bool:
    try:
        urllib.request.urlopen(base.removesuffix("/api/v1") + "/health", timeout=3)
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False
    return True


def _status(base: str, key: str, task_id: str) -> str:
    return str(api(f"{base}/research/tasks/{task_id}", key)["status"])
