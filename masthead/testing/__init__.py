"""Helpers for tests across apps: small factories that make real rows and real images."""
