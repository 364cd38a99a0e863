"""Former home of the competitor analysis, now the package ``agents.analysts.competitors``; kept so that
code written against the old module path keeps importing."""

from agents.analysts.competitors import analyse_competitors, mentions, prices_in, saturation

__all__ = ["analyse_competitors", "mentions", "prices_in", "saturation"]
