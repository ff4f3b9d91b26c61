"""Benchmarks: each prints our figures beside its baseline, measured in the same run on the same input."""
