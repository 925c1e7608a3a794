"""The load benchmark of the live layer: headless clients against Samenspel and a baseline
(see docs/benchmarks.md)."""
