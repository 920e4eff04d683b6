"""Criteria: the registry (registry.toml) and one module per criterion family computing its metrics.

The family modules register themselves when `dashboard.criteria.families` is imported
(the scoring does), so the registry can be read without importing the engine.
"""
