#!/usr/bin/env python3
"""Seed corpus of fuzz_eval.c from the script suite.

    tests/fuzz/eval_seeds.py OUTDIR [--max N]

Cuts every tests/py/**/*.py into its top-level statements (functions and
classes whole) and writes those that fuzz_eval would run (no `import`, none of
its banned names, at most 4 KiB) as OUTDIR/NNNNN.py, plus one seed per small
test file that passes as a whole.  The selection is deterministic (sorted
paths, then every k-th statement to stay under --max, default 1500), so CI
starts from the same corpus every time.
"""
import argparse
import ast
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
PY = HERE.parent / 'py'
# The same list as fuzz_banned in fuzz_eval.c.
BANNED = ['import', '__subclasses__', '__globals__', '__builtins__', '__dict__', '__getattribute__',
          '__self__', '__func__', '__code__', '__closure__', '__loader__', '__spec__', '__reduce',
          '__init_subclass__', 'f_globals', 'f_builtins', 'f_locals', 'f_back', 'tb_frame', 'tb_next',
          'gi_frame', 'gi_code', 'cr_frame', 'ag_frame', '__traceback__', 'SystemError', '**', '<<',
          'C.', 'E.', 'g.', '__mro__', '__bases__', '__base__']


def usable(text):
    if len(text.encode('utf-8')) > 4096 or any(b in text for b in BANNED):
        return False
    run = 0
    for ch in text:
        run = run + 1 if ch.isdigit() and ch.isascii() else 0
        if run > 4:
            return False
    return True


def statements(path):
    try:
        src = path.read_text(encoding='utf-8')
        tree = ast.parse(src)
    except (SyntaxError, UnicodeDecodeError, ValueError):
        return [], None
    lines = src.splitlines(keepends=True)
    out = []
    for node in tree.body:
        text = ''.join(lines[node.lineno - 1:node.end_lineno])
        if usable(text):
            out.append(text)
    return out, src if usable(src) else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('outdir')
    ap.add_argument('--max', type=int, default=1500)
    args = ap.parse_args()
    found = []
    for path in sorted(PY.rglob('*.py')):
        stmts, whole = statements(path)
        found.extend(stmts)
        if whole:
            found.append(whole)
    found = list(dict.fromkeys(found))            # drop duplicates, keep the order
    step = max(1, -(-len(found) // args.max))
    picked = found[::step]
    out = pathlib.Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(picked):
        (out / f'{i:05d}.py').write_text(text, encoding='utf-8')
    print(f'eval_seeds: {len(picked)} seeds of {len(found)} statements', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
