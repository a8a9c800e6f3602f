#!/usr/bin/env python3
"""Run the script suite under resource limits and check that gilpy fails as Python fails.

    tests/limits_run.py [--gilpy PATH] [-j N] [--config NAME]... [-v] [FILTER...]

Each selected test runs as tests/run.py runs it (same cwd, stdin, environment,
timeout), under `prlimit` (util-linux) with an address-space limit (RLIMIT_AS) and a
file-descriptor limit (RLIMIT_NOFILE). The configurations, with the test directories
each one runs:

    ample    4 GiB,          64 fds  lang types builtins errors limits modules processes
    tight    START + 32 MiB, 16 fds  lang types builtins errors limits
    fds      4 GiB,          12 fds  modules processes  (EMFILE while forking, piping)
    starved  START + 4 MiB,  10 fds  lang types builtins errors limits   (not by default)
    edge     `-c 'print(1)'` under every limit from START - 16 MiB to START + 4 MiB,
             one MiB apart: start-up itself failing               (not by default)

starved and edge are not in the default run because they still find crashes:
allocation failures left unchecked at start-up (interp/main.c), in the compiler's
arena (abort) and in frame set-up (cell_new); make them default once those are fixed.

START is the smallest address space in which `gilpy -c pass` starts, measured first
(about 260 MiB: the main thread's VM stack is reserved up front), so the tight and
starved limits follow the interpreter's own footprint. The default run is ample,
tight and fds (about 90 s on 2 cores; .ci/run runs it on the default build: ASan
reserves terabytes of address space, so RLIMIT_AS does not fit sanitizer builds).

What is checked is how a test fails, not its output:
  CRASH        death by a signal the test's .err does not expect (SIGSEGV, SIGABRT
               from abort(): "gilpy: out of memory"...), or a sanitizer's report;
  HANG         the test's timeout expired;
  SILENT       an exit status the test does not expect, with nothing on stderr (an
               error that was lost: CPython always says why it failed);
  UNEXPLAINED  stdout or the exit status differ and neither stderr nor stdout (a
               test that catches and prints) shows an error the limit explains
               (MemoryError, "Too many open files", RecursionError, "can't start
               new thread", SQLite's "unable to open database file");
  limited      stdout or the exit status differ because of such an error: fine.
Any CRASH, HANG, SILENT or UNEXPLAINED fails the run (exit status 1). -v lists
the limited tests too.
"""
import argparse
import concurrent.futures
import pathlib
import shutil
import signal
import subprocess
import sys

import run

CORE = ('lang', 'types', 'builtins', 'errors', 'limits')
# name: (RLIMIT_AS: bytes, or ('start', MiB above START)), RLIMIT_NOFILE, directories
CONFIGS = {
    'ample': (4 << 30, 64, CORE + ('modules', 'processes')),
    'tight': (('start', 32), 16, CORE),
    'fds': (4 << 30, 12, ('modules', 'processes')),
    'starved': (('start', 4), 10, CORE),
}
DEFAULT = ('ample', 'tight', 'fds')
SANITIZER_MARKS = ('AddressSanitizer', 'LeakSanitizer', 'ThreadSanitizer', 'runtime error:')
# SQLite words a failed open (EMFILE included) as "unable to open database file".
LIMIT_MARKS = ('MemoryError', 'Too many open files', 'RecursionError', "can't start new thread",
               'unable to open database file')
MIB = 1 << 20


def limited_cmd(as_bytes: int, nofile: int) -> list:
    return ['prlimit', f'--as={as_bytes}', f'--nofile={nofile}', '--']


def startup_as(gilpy: str) -> int:
    """The smallest RLIMIT_AS (a multiple of 1 MiB) in which `gilpy -c pass` exits 0."""
    def starts(mib):
        cmd = limited_cmd(mib * MIB, 64) + [gilpy, '-c', 'pass']
        return subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=60).returncode == 0
    lo, hi = 1, 64 << 10
    if not starts(hi):
        raise SystemExit(f'limits_run.py: {gilpy} does not start in {hi} MiB')
    while lo + 1 < hi:          # starts(hi), not starts(lo)
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if starts(mid) else (mid, hi)
    return hi * MIB


def expected_status(test: run.Test) -> int:
    if test.err.exists():
        return int(test.err.read_text(encoding='utf-8').split('\n')[0].split()[1])
    return 0


def classify(rc, out: str, err: str, want_rc: int, expected) -> str:
    """'ok', 'limited', or the name of a failure (see the module docstring)."""
    if any(mark in err for mark in SANITIZER_MARKS):
        return 'CRASH'
    if rc is None:
        return 'HANG'
    if rc < 0 and rc != want_rc:
        return 'CRASH'
    if rc == want_rc and (expected is None or out == expected):
        return 'ok'
    if any(mark in err or out.count(mark) > (expected or '').count(mark) for mark in LIMIT_MARKS):
        return 'limited'        # raised, or caught and printed by the test
    if rc != want_rc and not err.strip():
        return 'SILENT'
    return 'UNEXPLAINED'


def run_test(gilpy: str, test: run.Test, as_bytes: int, nofile: int, scale: float):
    rc, out, err = run.execute(limited_cmd(as_bytes, nofile) + [gilpy], test, scale)
    expected = test.exp.read_text(encoding='utf-8') if test.exp.exists() else None
    if test.has('sort-lines') and expected is not None:
        expected, out = run.sort_lines(expected), run.sort_lines(out)
    return classify(rc, out, err, expected_status(test), expected), rc, err


def run_edge(gilpy: str, start: int, verbose: bool) -> int:
    """Start-up under every limit near START: it may fail, never crash."""
    failed = 0
    counts = {}
    for mib in range(start // MIB - 16, start // MIB + 5):
        cmd = limited_cmd(mib * MIB, 64) + [gilpy, '-c', 'print(1)']
        try:
            p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
            rc, out, err = (p.returncode, p.stdout.decode(errors='replace'),
                            p.stderr.decode(errors='replace'))
        except subprocess.TimeoutExpired:
            rc, out, err = None, '', ''
        verdict = classify(rc, out, err, 0, '1\n')
        if verdict == 'UNEXPLAINED' and rc == 1 and err.startswith('gilpy: cannot '):
            verdict = 'limited'     # refused to start, and said why
        counts[verdict] = counts.get(verdict, 0) + 1
        if verdict not in ('ok', 'limited') or verbose:
            failed += verdict not in ('ok', 'limited')
            print(f'{verdict} [edge] RLIMIT_AS {mib} MiB: exit {rc}' + run.stderr_tail(err, 2),
                  flush=True)
    summary = ', '.join(f'{n} {v}' for v, n in sorted(counts.items()))
    print(f'[edge: `-c print(1)` from {start // MIB - 16} to {start // MIB + 4} MiB] {summary}',
          flush=True)
    return failed


def run_config(name: str, gilpy: str, start: int, tests, args) -> int:
    as_spec, nofile, dirs = CONFIGS[name]
    as_bytes = start + as_spec[1] * MIB if isinstance(as_spec, tuple) else as_spec
    chosen = [t for t in tests if t.name.split('/')[0] in dirs]
    counts = {}
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        futures = {pool.submit(run_test, gilpy, t, as_bytes, nofile, args.timeout_scale): t
                   for t in chosen}
        for fut in concurrent.futures.as_completed(futures):
            test = futures[fut]
            verdict, rc, err = fut.result()
            counts[verdict] = counts.get(verdict, 0) + 1
            if verdict == 'ok' or (verdict == 'limited' and not args.verbose):
                continue
            failed += verdict != 'limited'
            print(f'{verdict} [{name}] {test.name}: exit {rc}' + run.stderr_tail(err, 4),
                  flush=True)
    summary = ', '.join(f'{n} {v}' for v, n in sorted(counts.items()))
    print(f'[{name}: RLIMIT_AS {as_bytes // MIB} MiB, RLIMIT_NOFILE {nofile}] {summary}',
          flush=True)
    return failed


def main() -> int:
    signal.signal(signal.SIGINT, signal.default_int_handler)     # as tests/run.py does
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    ap.add_argument('--gilpy', default=str(run.REPO / 'build' / 'gilpy'))
    ap.add_argument('-j', type=int, default=2, help='tests run at once (default 2)')
    ap.add_argument('--config', action='append', choices=sorted(CONFIGS) + ['edge'],
                    help='run this configuration (repeatable; default: %s)' % ', '.join(DEFAULT))
    ap.add_argument('--timeout-scale', type=float, default=1.0)
    ap.add_argument('--verbose', '-v', action='store_true', help='list the limited tests too')
    ap.add_argument('filters', nargs='*', help='only tests whose name contains one of these')
    args = ap.parse_args()

    gilpy = str(pathlib.Path(args.gilpy).resolve())
    if not pathlib.Path(gilpy).is_file():
        print(f'limits_run.py: {gilpy} is not an executable', file=sys.stderr)
        return 2
    if not shutil.which('prlimit'):
        print('limits_run.py: prlimit (util-linux) is missing', file=sys.stderr)
        return 2
    start = startup_as(gilpy)
    print(f'START: `gilpy -c pass` needs RLIMIT_AS {start // MIB} MiB', flush=True)
    tests = [t for t in run.discover(args.filters) if not t.has('own-limits')]
    failed = 0
    for name in args.config or DEFAULT:
        if name == 'edge':
            failed += run_edge(gilpy, start, args.verbose)
        else:
            failed += run_config(name, gilpy, start, tests, args)
    print('no crash, hang or lost error' if not failed else f'{failed} failures')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
