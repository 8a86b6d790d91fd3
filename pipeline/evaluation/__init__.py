"""Scoring against gold tables, gold importers and the peer benchmarks."""
