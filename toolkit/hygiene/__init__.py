"""Hygiene and sanitation: WHO Five Keys lessons and (later) sanitizer and temperature tools."""
