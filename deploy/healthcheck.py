"""Container healthcheck for "web": the app answers /health (200, or 503 naming a failing store).

Run inside the web container as ``python deploy/healthcheck.py [URL]``; exit 0 when the app answered.
The Host and X-Forwarded-Proto headers are the ones nginx sends, so ALLOWED_HOSTS and the HTTPS
redirect treat the probe like real traffic.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8000/health"


def main(url: str) -> int:
    """0 when the app answered its health check, 1 otherwise."""
    host = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")[0].strip()
    request = urllib.request.Request(url, headers={"Host": host, "X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=5):
            return 0
    except urllib.error.HTTPError as error:
        return 0 if error.code == 503 else 1
    except OSError:
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_URL))
