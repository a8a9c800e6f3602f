"""The `concurrent` package: home of `concurrent.futures` (gilpy)."""
