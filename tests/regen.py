#!/usr/bin/env python3
"""Regenerate the expected output of tests/py/ from the real CPython.

    tests/regen.py [--python PATH] [FILTER...]

For each selected test (all, or those whose name contains a FILTER), runs it exactly
as tests/run.py does (same cwd, stdin, environment, PYTHONHASHSEED=0) under the real
python3 executable (not a pyenv shim) and writes:
  NAME.exp   stdout (sorted by line for `# test: sort-lines` tests)
  NAME.err   `exit N` and the normalised last stderr line, when the exit status is
             not 0 or something was printed on stderr; removed otherwise.
Never write .exp/.err files by hand.
"""
import argparse
import subprocess
import sys

import run


def real_python3() -> str:
    out = subprocess.run(['python3', '-c', 'import sys; print(sys.executable)'],
                         stdout=subprocess.PIPE, text=True, check=True)
    return out.stdout.strip()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument('--python', help='CPython executable (default: the real python3)')
    ap.add_argument('filters', nargs='*')
    args = ap.parse_args()
    python = args.python or real_python3()
    ver = subprocess.run([python, '-c', 'import sys; print(sys.version_info[:2])'],
                         stdout=subprocess.PIPE, text=True).stdout.strip()
    if ver != '(3, 11)':
        print(f'regen.py: warning: {python} is {ver}, the suite targets CPython 3.11',
              file=sys.stderr)
    tests = run.discover(args.filters)
    interp = [python]
    bad = 0
    for t in tests:
        rc, out, err = run.execute(interp, t, 4.0)
        if rc is None:
            print(f'TIMEOUT {t.name}', file=sys.stderr)
            bad += 1
            continue
        if t.has('sort-lines'):
            out = run.sort_lines(out)
        t.exp.write_text(out, encoding='utf-8')
        if rc != 0 or err.strip():
            last = run.normalize_err(run.last_line(err), interp, t)
            t.err.write_text(f'exit {rc}\n{last}\n', encoding='utf-8')
        elif t.err.exists():
            t.err.unlink()
        print(f'{t.name}: exit {rc}')
    print(f'{len(tests) - bad} regenerated, {bad} timed out')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
