# The workload under the ioprio policy (CPython ignores -X gil).
-X gil=ioprio _workload.py 100000
