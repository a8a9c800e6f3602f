# -X giltrace=FILE.svg draws the timeline at exit (checked by _trace_check.py).
-X giltrace=/tmp/gilpy-suite-giltrace.svg _workload.py
