"""PMF Research Assistant: Django project package."""

from pmfsite.celery import app as celery_app

__all__ = ["celery_app"]
