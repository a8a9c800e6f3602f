# The GIL battle counters under the fifo policy (CPython ignores -X gil).
-X gil=fifo retakes.py
