# syntax=docker/dockerfile:1
# Multi-stage build: the SPA (node) -> the app (python, collectstatic) -> nginx with the static files.
#   docker build --target app   -t pmf-app .     # web and worker (compose builds both targets)
#   docker build --target nginx -t pmf-nginx .

# ---------------------------------------------------------------- frontend: Vite build of the SPA
FROM node:20-bookworm-slim AS frontend
WORKDIR /frontend
COPY frontend/package.json frontend/package-lock.json ./
COPY frontend/tools/openapi/package.json frontend/tools/openapi/package-lock.json ./tools/openapi/
# The build generates the API types from the committed openapi.json (openapi-typescript's own install).
RUN npm ci --no-audit --no-fund && npm ci --no-audit --no-fund --prefix tools/openapi
COPY frontend/ ./
RUN npm run build

# ---------------------------------------------------------------- app: Django (ASGI) and Celery
FROM python:3.11-slim-bookworm AS app
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=pmfsite.settings.prod \
    PMF_SERVICES_FILE=/nonexistent
WORKDIR /app
# Dependencies first: this layer is rebuilt only when the lock file changes.
COPY requirements/base.txt requirements/base.txt
RUN pip install -r requirements/base.txt
COPY . .
COPY --from=frontend /frontend/dist /app/frontend/dist
# Settings need the store URLs to import; collectstatic connects to none of them.
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_ALLOWED_HOSTS=localhost \
    DATABASE_URL=postgres://build@localhost/build MONGODB_URI=mongodb://localhost REDIS_URL=redis://localhost \
    python manage.py collectstatic --noinput \
 && useradd --system --uid 10001 --home-dir /app pmf \
 && chown -R pmf /app/var
USER pmf
EXPOSE 8000
CMD ["uvicorn", "pmfsite.asgi:application", "--host", "0.0.0.0", "--port", "8000", "--lifespan", "off", "--no-proxy-headers"]

# ---------------------------------------------------------------- nginx: static files and the proxy
FROM nginx:1.27-alpine AS nginx
COPY deploy/nginx.conf /etc/nginx/nginx.conf
COPY --from=app /app/var/static /srv/static
