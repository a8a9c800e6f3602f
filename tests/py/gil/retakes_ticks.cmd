# The GIL battle counters under the ticks policy (CPython ignores -X gil).
-X gil=ticks retakes.py
