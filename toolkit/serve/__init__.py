"""Serving the classroom with Voila: safe defaults, offline template, kernel limits."""
