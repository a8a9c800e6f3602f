# The workload under the interval policy (CPython ignores -X gil).
-X gil=interval _workload.py 100000
