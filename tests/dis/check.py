#!/usr/bin/env python3
"""Check gilpy's `dis` output against tests/dis/*.txt.

    tests/dis/check.py [--gilpy PATH] [--update] [FILTER...]

THESE EXPECTED OUTPUTS PIN GILPY'S OWN BYTECODE, NOT CPYTHON'S: the opcode
names, offsets (word indexes) and arguments are those of interp/opcodes.h and
interp/compile.c.  They are the one place in tests/ where expected output comes
from gilpy itself: after an intended compiler or opcode change, review the
diff and rerun with --update.

A test is NAME.py (run as `gilpy NAME.py`) or NAME.cmd (gilpy's arguments,
shell-quoted, e.g. `-m dis _target.py`), run in this directory; its stdout,
with code object addresses replaced by 0x... and this directory's path
dropped, must equal NAME.txt.
"""
import argparse
import pathlib
import re
import shlex
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
ADDRESS = re.compile(r' at 0x[0-9a-f]+')


def run(gilpy, test):
    if test.suffix == '.cmd':
        args = shlex.split(next(l for l in test.read_text().splitlines()
                                if l.strip() and not l.startswith('#')))
    else:
        args = [test.name]
    p = subprocess.run([gilpy, *args], cwd=HERE, stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, timeout=30)
    out = ADDRESS.sub(' at 0x...', p.stdout).replace(str(HERE) + '/', '')
    return p.returncode, out, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', default=str(REPO / 'build' / 'gilpy'))
    ap.add_argument('--update', action='store_true', help='rewrite the .txt files')
    ap.add_argument('filters', nargs='*')
    args = ap.parse_args()
    args.gilpy = str(pathlib.Path(args.gilpy).resolve())
    tests = sorted(p for p in HERE.iterdir()
                   if p.suffix in ('.py', '.cmd') and not p.name.startswith('_')
                   and p.name != 'check.py'
                   and (not args.filters or any(f in p.stem for f in args.filters)))
    failed = 0
    for test in tests:
        rc, out, err = run(args.gilpy, test)
        exp = test.with_suffix('.txt')
        if args.update:
            exp.write_text(out)
        if rc != 0 or not exp.exists() or exp.read_text() != out:
            failed += 1
            print(f'FAIL dis/{test.stem}: exit {rc}')
            import difflib
            want = exp.read_text().splitlines() if exp.exists() else []
            for line in list(difflib.unified_diff(want, out.splitlines(), 'expected',
                                                  'actual', lineterm='', n=1))[:20]:
                print('   ', line)
            if err.strip():
                print('    stderr:', err.strip().splitlines()[-1])
    print(f'{len(tests) - failed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
