"""Analysts turn retrieved sources into findings: extractive (offline, no model) or LLM-backed."""
