"""Prompts as named constants, one module per node."""
