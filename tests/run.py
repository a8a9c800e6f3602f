#!/usr/bin/env python3
"""Run the script suite tests/py/ against an interpreter and compare with CPython.

    tests/run.py [--gilpy PATH | --interp CMD] [-j N] [--verbose] [FILTER...]

A test is tests/py/**/NAME.py (or NAME.cmd, see below). It runs as
`INTERP NAME.py` with cwd = its directory, stdin from /dev/null (or NAME.stdin),
and a timeout. Then:
  * stdout must equal NAME.exp byte for byte (as UTF-8 text);
  * if NAME.err exists it holds two lines, `exit N` and the expected last line of
    stderr, and both must match; otherwise the exit status must be 0.
The last stderr line is normalised before comparing: a leading "PROGRAM: " naming
the interpreter becomes "INTERP: ", and the test directory's absolute path + "/"
is removed (so "python3: can't open file '/x/y/a.py'" == "gilpy: can't open file 'a.py'").

Files and directories whose name starts with "_" are helpers (modules imported by
tests, packages, data), never tests themselves.

NAME.cmd replaces NAME.py for tests that need a special command line: its first
line that is not a comment holds the arguments after the interpreter, split like
a shell would (e.g. `-c "print(1)"`, `_target.py a b`, `missing.py`).

Directives, in `# test: ...` comment lines among the first 10 lines of NAME.py or
NAME.cmd (several may share a line, separated by spaces or commas):
  sort-lines        compare stdout as a sorted list of lines (racing threads)
  skip-gc-stress    not run with --gc-stress (too slow when collecting every alloc)
  skip-sanitize     not run with --sanitize
  own-limits        sets its own resource limits: not run by tests/limits_run.py
  timeout=N         timeout in seconds (default 30, times --timeout-scale)
  path=DIR          DIR (relative to the test) is put in GILPY_PATH and PYTHONPATH

Prints one line per failure (plus a short diff) and ends with the line
"N passed, N failed". Exits 1 if anything failed.
"""
import argparse
import concurrent.futures
import difflib
import os
import pathlib
import re
import shlex
import signal
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
PY_DIR = HERE / 'py'
DEFAULT_TIMEOUT = 30.0


class Test:
    def __init__(self, path: pathlib.Path):
        self.path = path                       # the .py or .cmd file
        self.dir = path.parent
        self.stem = path.stem
        self.name = path.relative_to(PY_DIR).with_suffix('').as_posix()
        self.exp = self.dir / (self.stem + '.exp')
        self.err = self.dir / (self.stem + '.err')
        self.stdin = self.dir / (self.stem + '.stdin')
        self.directives = parse_directives(path)
        if path.suffix == '.cmd':
            self.args = cmd_args(path)
        else:
            self.args = [path.name]

    def has(self, flag: str) -> bool:
        return flag in self.directives

    def timeout(self, scale: float) -> float:
        return float(self.directives.get('timeout', DEFAULT_TIMEOUT)) * scale


def parse_directives(path: pathlib.Path) -> dict:
    out = {}
    with open(path, encoding='utf-8', errors='replace') as f:
        for _, line in zip(range(10), f):
            m = re.match(r'\s*#\s*test:(.*)', line)
            if not m:
                continue
            for word in re.split(r'[\s,]+', m.group(1).strip()):
                if not word:
                    continue
                key, _, value = word.partition('=')
                out[key] = value if value else True
    return out


def cmd_args(path: pathlib.Path) -> list:
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.strip() and not line.lstrip().startswith('#'):
                return shlex.split(line)
    return []


def discover(filters) -> list:
    tests = []
    for path in sorted(PY_DIR.rglob('*')):
        if path.suffix not in ('.py', '.cmd') or not path.is_file():
            continue
        rel = path.relative_to(PY_DIR)
        if any(part.startswith('_') for part in rel.parts):
            continue
        if path.suffix == '.py' and path.with_suffix('.cmd').exists():
            continue
        t = Test(path)
        if filters and not any(f in t.name for f in filters):
            continue
        tests.append(t)
    return tests


# Variables of the caller's environment that reach the tests: the gc-stress
# period, and the multiprocessing start method of tests/py/processes
# (GILPY_TEST_START_METHOD=spawn|forkserver|fork, read by its _start_method.py).
PASSED_ENV = ('GILPY_GC_STRESS', 'GILPY_TEST_START_METHOD')


def test_env(test: Test) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(('PYTHON', 'GILPY')) or k in PASSED_ENV}
    env['PYTHONHASHSEED'] = '0'
    env['PYTHONDONTWRITEBYTECODE'] = '1'
    env['LC_ALL'] = 'C.UTF-8'
    env.pop('LANG', None)
    if 'path' in test.directives:
        p = str((test.dir / test.directives['path']).resolve())
        env['GILPY_PATH'] = p
        env['PYTHONPATH'] = p
    return env


def execute(interp: list, test: Test, scale: float):
    """Run one test; return (exit status or None on timeout, stdout text, stderr text)."""
    stdin = open(test.stdin, 'rb') if test.stdin.exists() else subprocess.DEVNULL
    try:
        proc = subprocess.run(interp + test.args, cwd=test.dir, stdin=stdin,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=test_env(test), timeout=test.timeout(scale),
                              start_new_session=True)
        rc = proc.returncode
        out, err = proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as e:
        rc, out, err = None, e.stdout or b'', e.stderr or b''
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    return rc, out.decode('utf-8', 'replace'), err.decode('utf-8', 'replace')


def last_line(text: str) -> str:
    lines = text.rstrip('\n').split('\n')
    return lines[-1] if lines else ''


def normalize_err(line: str, interp: list, test: Test) -> str:
    names = {interp[0], os.path.basename(interp[0]), 'python3', 'python', 'gilpy'}
    for name in sorted(names, key=len, reverse=True):
        if line.startswith(name + ': '):
            line = 'INTERP: ' + line[len(name) + 2:]
            break
    return line.replace(str(test.dir) + '/', '')


def sort_lines(text: str) -> str:
    return ''.join(sorted(text.splitlines(keepends=True)))


def short_diff(expected: str, actual: str, limit: int = 12) -> str:
    diff = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                     'expected', 'actual', lineterm='', n=1))
    if len(diff) > limit:
        diff = diff[:limit] + [f'... ({len(diff) - limit} more diff lines)']
    return '\n'.join('    ' + d for d in diff)


def check(interp: list, test: Test, scale: float, verbose: bool):
    """Return None on success, or a failure report (str)."""
    rc, out, err = execute(interp, test, scale)
    if rc is None:
        return f'FAIL {test.name}: timeout after {test.timeout(scale):g}s' + stderr_tail(err)
    problems = []
    if not test.exp.exists():
        problems.append('no .exp file (run tests/regen.py)')
    else:
        expected = test.exp.read_text(encoding='utf-8')
        actual = out
        if test.has('sort-lines'):
            expected, actual = sort_lines(expected), sort_lines(actual)
        if expected != actual:
            problems.append('stdout differs\n' + short_diff(expected, actual))
    if test.err.exists():
        lines = test.err.read_text(encoding='utf-8').split('\n')
        want_rc = int(lines[0].split()[1])
        want_last = lines[1] if len(lines) > 1 else ''
        if rc != want_rc:
            problems.append(f'exit status {rc}, expected {want_rc}')
        got_last = normalize_err(last_line(err), interp, test)
        if got_last != want_last:
            problems.append(f'last stderr line differs\n    expected: {want_last!r}\n'
                            f'    actual:   {got_last!r}')
    elif rc != 0:
        problems.append(f'exit status {rc}, expected 0')
    if not problems:
        return None
    report = f'FAIL {test.name}: ' + '; '.join(p.split('\n')[0] for p in problems)
    for p in problems:
        rest = p.split('\n')[1:]
        if rest:
            report += '\n' + '\n'.join(rest)
    if rc not in (0, None) and not test.err.exists() or verbose:
        report += stderr_tail(err)
    return report


def stderr_tail(err: str, n: int = 6) -> str:
    lines = err.rstrip('\n').split('\n')[-n:]
    if not err.strip():
        return ''
    return '\n    stderr: ' + '\n    stderr: '.join(lines)


def interpreter(args) -> list:
    if args.interp:
        return shlex.split(args.interp)
    return [str(pathlib.Path(args.gilpy).resolve())]


def main() -> int:
    # Tests see SIGINT as a terminal gives it (a handler there): a suite started
    # in the background of a shell without job control inherits it ignored,
    # which both interpreters then keep (signal.getsignal(SIGINT) differs).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    ap.add_argument('--gilpy', default=str(REPO / 'build' / 'gilpy'),
                    help='gilpy executable (default: build/gilpy)')
    ap.add_argument('--interp', help='any interpreter command instead, e.g. python3')
    ap.add_argument('-j', type=int, default=2, help='tests run at once (default 2)')
    ap.add_argument('--timeout-scale', type=float, default=1.0,
                    help='multiply every timeout (sanitizer / gc_stress builds)')
    ap.add_argument('--gc-stress', action='store_true', help='skip skip-gc-stress tests')
    ap.add_argument('--sanitize', action='store_true', help='skip skip-sanitize tests')
    ap.add_argument('--verbose', '-v', action='store_true')
    ap.add_argument('filters', nargs='*', help='run tests whose name contains one of these')
    args = ap.parse_args()

    interp = interpreter(args)
    if not args.interp and not os.access(interp[0], os.X_OK):
        print(f'run.py: {interp[0]} is not an executable', file=sys.stderr)
        return 2
    tests = discover(args.filters)
    if args.gc_stress:
        tests = [t for t in tests if not t.has('skip-gc-stress')]
    if args.sanitize:
        tests = [t for t in tests if not t.has('skip-sanitize')]

    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        futures = {pool.submit(check, interp, t, args.timeout_scale, args.verbose): t
                   for t in tests}
        for fut in concurrent.futures.as_completed(futures):
            test = futures[fut]
            report = fut.result()
            if report is None:
                passed += 1
                if args.verbose:
                    print(f'ok   {test.name}', flush=True)
            else:
                failed += 1
                print(report, flush=True)
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
