# test: skip-sanitize skip-gc-stress own-limits timeout=300
# Running out of memory under an address-space limit (ulimit -v, RLIMIT_AS):
# the allocator collects and gives memory back before it raises MemoryError,
# keeps a reserve so the exception can be caught, the except clause run and a
# traceback printed, and what follows runs as in CPython.  (Not under the
# sanitizers, whose shadow memory needs an unlimited address space.)
import os
import sys

LIMIT_KB = 700000
OUT = '/tmp/gilpy_oom_%d' % os.getpid()
here = os.path.dirname(os.path.abspath(__file__))
for case in ['lists', 'strings', 'bytes', 'dicts', 'big-blocks', 'deep', 'uncaught',
             'uncaught-deep', 'huge', 'again', 'after']:
    sys.stdout.flush()
    status = os.system("ulimit -v %d 2>/dev/null; exec %s %s/_oom_cases.py %s >%s.out 2>%s.err"
                       % (LIMIT_KB, sys.executable, here, case, OUT, OUT))
    with open(OUT + '.out') as f:
        out = f.read().splitlines()
    with open(OUT + '.err') as f:
        err = f.read().splitlines()
    print(case, 'exit', os.waitstatus_to_exitcode(status), out, err[-1:] if err else err,
          'Traceback (most recent call last):' in err)
os.remove(OUT + '.out')
os.remove(OUT + '.err')
