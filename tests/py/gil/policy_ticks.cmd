# The workload under the ticks policy (CPython ignores -X gil).
-X gil=ticks _workload.py 100000
