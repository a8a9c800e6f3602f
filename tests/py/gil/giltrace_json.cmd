# -X giltrace=FILE.json writes the timeline at exit (checked by _trace_check.py).
-X giltrace=/tmp/gilpy-suite-giltrace.json _workload.py
