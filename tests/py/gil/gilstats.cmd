# -X gilstats prints the table on stderr at exit; stdout is unchanged.
-X gilstats _workload.py
