"""Deployment files: production settings pass ``check --deploy``; compose and the Dockerfile are complete."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SERVICES = {"postgres", "mongo", "redis", "web", "worker", "nginx"}
# Schema-generation notes from drf-spectacular are API documentation issues, not deployment ones.
NOT_DEPLOYMENT = ("drf_spectacular.",)


def production_env(**overrides: str) -> dict[str, str]:
    """The documented production environment, without anything the test run itself set."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "MONGODB_", "REDIS_", "RATE_LIMIT", "HCAPTCHA_"))
    }
    env.update(
        PMF_SERVICES_FILE="/nonexistent",
        DJANGO_SETTINGS_MODULE="pmfsite.settings.prod",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="pmf.example.com",
        DATABASE_URL="postgres://pmf:secret@postgres:5432/pmf",
        MONGODB_URI="mongodb://mongo:27017/?directConnection=true",
        REDIS_URL="redis://redis:6379/0",
    )
    env.update(overrides)
    return env


def check_deploy(env: dict[str, str]) -> tuple[int, list[str], str]:
    completed = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    output = completed.stdout + completed.stderr
    issues = re.findall(r"^\S*: \(([\w.]+)\)", output, flags=re.MULTILINE)
    return completed.returncode, [issue for issue in issues if not issue.startswith(NOT_DEPLOYMENT)], output


def test_production_settings_pass_check_deploy() -> None:
    returncode, issues, output = check_deploy(production_env())
    assert returncode == 0, output
    assert issues == [], output


BROWSER_REQUEST = """
import django
django.setup()
from django.test import Client
accept = "text/html,application/xhtml+xml,*/*;q=0.8"  # what a browser sends
host = "pmf.example.com"
response = Client().get("/api/v1/research/depths", HTTP_ACCEPT=accept, HTTP_HOST=host, secure=True)
print(response.status_code, response["Content-Type"])
"""


@pytest.mark.parametrize(
    ("settings_module", "answer"),
    [
        ("pmfsite.settings.prod", "401 application/json"),
        ("pmfsite.settings.dev", "401 text/html; charset=utf-8"),
    ],
)
def test_the_browsable_api_is_off_in_production(settings_module: str, answer: str) -> None:
    # when a browser (Accept: text/html) asks the API, then production answers JSON, development HTML
    env = production_env(DJANGO_SETTINGS_MODULE=settings_module, RATE_LIMITS_ENABLED="false")
    completed = subprocess.run(
        [sys.executable, "-c", BROWSER_REQUEST],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.stdout.strip().splitlines()[-1:] == [answer], completed.stdout + completed.stderr


def test_check_deploy_catches_a_weak_secret_key() -> None:
    returncode, issues, output = check_deploy(production_env(DJANGO_SECRET_KEY="too-short"))
    assert returncode == 0, output
    assert issues == ["security.W009"], output


def test_production_settings_refuse_to_start_without_the_secret_key() -> None:
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    returncode, _, output = check_deploy(env)
    assert returncode != 0
    assert "DJANGO_SECRET_KEY" in output


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return dict(yaml.safe_load((ROOT / "compose.yaml").read_text()))


def test_compose_names_every_service_with_a_healthcheck(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == SERVICES
    for name, service in services.items():
        assert service["healthcheck"]["test"][0] in {"CMD", "CMD-SHELL"}, name
    assert services["postgres"]["image"] == "postgres:16"
    assert services["mongo"]["image"] == "mongo:7"
    assert services["redis"]["image"] == "redis:7"


def test_compose_runs_the_asgi_app_and_a_scalable_threads_worker(compose: dict[str, Any]) -> None:
    web, worker = compose["services"]["web"], compose["services"]["worker"]
    assert "uvicorn pmfsite.asgi:application" in " ".join(web["command"])
    assert "celery -A pmfsite worker --pool threads" in " ".join(worker["command"])
    # `--scale worker=N` needs no fixed name and no host port
    assert "container_name" not in worker
    assert "ports" not in worker
    for service in (web, worker):
        assert service["env_file"] == ".env"
        assert service["environment"]["DJANGO_SETTINGS_MODULE"] == "pmfsite.settings.prod"
        assert set(service["depends_on"]) == {"postgres", "mongo", "redis"}
    assert compose["services"]["nginx"]["depends_on"] == {"web": {"condition": "service_healthy"}}


def test_the_dockerfile_builds_the_frontend_then_the_app_then_nginx() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    stages = re.findall(r"^FROM (\S+) AS (\w+)$", dockerfile, flags=re.MULTILINE)
    assert [name for _, name in stages] == ["frontend", "app", "nginx"]
    assert stages[0][0].startswith("node:") and stages[1][0].startswith("python:3.11")
    assert "pip install -r requirements/base.txt" in dockerfile
    assert "manage.py collectstatic --noinput" in dockerfile
    assert "COPY --from=frontend /frontend/dist /app/frontend/dist" in dockerfile
    assert "COPY deploy/nginx.conf /etc/nginx/nginx.conf" in dockerfile


def test_the_docker_context_leaves_out_secrets_and_local_state() -> None:
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".git", ".env", ".venv", "var", "frontend/node_modules"} <= ignored
