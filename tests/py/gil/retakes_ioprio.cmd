# The GIL battle counters under the ioprio policy (CPython ignores -X gil).
-X gil=ioprio retakes.py
