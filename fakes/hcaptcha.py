"""A fake hCaptcha ``/siteverify`` on 127.0.0.1 that answers as providers.md says the real one does.

Form-encoded bodies only; the secret must be the fake's (or the published test secret); tokens come
from ``issue_token()`` and are single-use; an issued token older than 120 s is expired; the published
test token always passes with the test secret; anything else is invalid.

    with FakeHCaptcha() as fake:
        settings.HCAPTCHA_VERIFY_URL, settings.HCAPTCHA_SECRET = fake.url, fake.secret
        token = fake.issue_token()
        fake.requests  # what the server received
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

TEST_SITE_KEY = "10000000-ffff-ffff-ffff-000000000001"
TEST_SECRET = "0x0000000000000000000000000000000000000000"
TEST_TOKEN = "10000000-aaaa-bbbb-cccc-000000000001"
TOKEN_LIFETIME_SECONDS = 120
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"


@dataclass
class VerifyRequest:
    """One call as the fake received it."""

    path: str
    content_type: str
    form: dict[str, str]
    raw_body: str


@dataclass
class _Token:
    issued_at: float
    used: bool = False


@dataclass
class FakeHCaptcha:
    """The fake verifier; ``delay_seconds`` makes every answer late (timeout tests)."""

    secret: str = "0xfake-secret-for-tests"
    site_key: str = "20000000-ffff-ffff-ffff-000000000002"
    hostname: str = "pmf.test"
    delay_seconds: float = 0.0
    requests: list[VerifyRequest] = field(default_factory=list)
    _tokens: dict[str, _Token] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _httpd: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        """The verify URL, e.g. ``http://127.0.0.1:43121/siteverify``."""
        assert self._httpd is not None, "start the fake first"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/siteverify"

    def issue_token(self, age_seconds: float = 0.0) -> str:
        """A token the widget would have produced ``age_seconds`` ago."""
        token = f"P1_{secrets.token_urlsafe(24)}"
        with self._lock:
            self._tokens[token] = _Token(issued_at=time.monotonic() - age_seconds)
        return token

    def verify(self, form: dict[str, str]) -> dict[str, Any]:
        """The answer to a verify call with ``form``."""
        errors = self._secret_errors(form) or self._response_errors(form.get("response", ""), form["secret"])
        if errors:
            return {"success": False, "error-codes": errors}
        challenge = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        return {"success": True, "challenge_ts": challenge, "hostname": self.hostname}

    def _secret_errors(self, form: dict[str, str]) -> list[str]:
        secret, site_key = form.get("secret", ""), form.get("sitekey", "")
        if not secret:
            return ["missing-input-secret"]
        keys = {self.secret: self.site_key, TEST_SECRET: TEST_SITE_KEY}
        if secret not in keys:
            return ["invalid-input-secret"]
        if site_key and site_key != keys[secret]:
            return ["sitekey-secret-mismatch"]
        return []

    def _response_errors(self, token: str, secret: str) -> list[str]:
        if not token:
            return ["missing-input-response"]
        if token == TEST_TOKEN and secret == TEST_SECRET:
            return []
        with self._lock:
            issued = self._tokens.get(token)
            if issued is None:
                return ["invalid-input-response"]
            if issued.used:
                return ["already-seen-response"]
            issued.used = True
        if time.monotonic() - issued.issued_at > TOKEN_LIFETIME_SECONDS:
            return ["expired-input-response"]
        return []

    def start(self) -> FakeHCaptcha:
        """Listen on a free port of 127.0.0.1 in a background thread."""
        handler = type("BoundHandler", (_Handler,), {"fake": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, name="fake-hcaptcha", daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop listening (the URL then refuses connections)."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    def __enter__(self) -> FakeHCaptcha:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


class _Handler(BaseHTTPRequestHandler):
    fake: FakeHCaptcha
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # the request log replaces stderr noise
        pass

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("content-length") or 0)).decode(errors="replace")
        content_type = self.headers.get("content-type", "")
        is_form = content_type.split(";")[0].strip() == FORM_CONTENT_TYPE
        form = dict(parse_qsl(raw, keep_blank_values=True)) if is_form else {}
        with self.fake._lock:
            self.fake.requests.append(VerifyRequest(self.path, content_type, form, raw))
        time.sleep(self.fake.delay_seconds)
        if self.path != "/siteverify":
            self._send(404, {"error": "not found"})
        elif not is_form:
            self._send(200, {"success": False, "error-codes": ["bad-request"]})
        else:
            self._send(200, self.fake.verify(form))

    def _send(self, status: int, body: dict[str, Any]) -> None:
        payload = json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):  # the client timed out and left
            self.close_connection = True
