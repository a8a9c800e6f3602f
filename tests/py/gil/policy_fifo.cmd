# The workload under the fifo policy (CPython ignores -X gil).
-X gil=fifo _workload.py 100000
