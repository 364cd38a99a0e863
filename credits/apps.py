from django.apps import AppConfig


class CreditsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "credits"
    verbose_name = "Credits and API keys"

    def ready(self) -> None:
        from credits.keys import connect_invalidation

        connect_invalidation()
