#!/usr/bin/env python3
"""Time gilpy against CPython on the benchmark programs of bench/.

    bench/run.py [--gilpy build/gilpy] [--python PATH] [-n ROUNDS] [NAME...]

Runs every bench/*.py (except this file) under both interpreters alternately,
ROUNDS times each (default 3), keeps the minimum wall time of each, checks that
both printed the same output, and prints a markdown table with the ratio
gilpy/python3 (lower is better for gilpy). python3 is resolved to the real
executable (pyenv shims add tens of milliseconds).
"""
import argparse
import os
import pathlib
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent


def real_python3() -> str:
    out = subprocess.run(['python3', '-c', 'import sys; print(sys.executable)'],
                         stdout=subprocess.PIPE, text=True, check=True)
    return out.stdout.strip()


def timed(cmd, cwd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       stdin=subprocess.DEVNULL)
    dt = time.perf_counter() - t0
    return dt, p.returncode, p.stdout


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', default=str(HERE.parent / 'build' / 'gilpy'))
    ap.add_argument('--python', default=None)
    ap.add_argument('-n', '--rounds', type=int, default=3)
    ap.add_argument('names', nargs='*')
    args = ap.parse_args()
    gilpy = str(pathlib.Path(args.gilpy).resolve())
    python = args.python or real_python3()
    progs = sorted(p for p in HERE.glob('*.py') if p.name != 'run.py')
    if args.names:
        progs = [p for p in progs if any(n in p.stem for n in args.names)]
    env_note = f'gilpy: {gilpy}  python3: {python}  rounds: {args.rounds}'
    print(env_note, file=sys.stderr)
    rows = []
    for prog in progs:
        best = {'gilpy': float('inf'), 'python3': float('inf')}
        outs = {}
        status = 'ok'
        for _ in range(args.rounds):
            for label, exe in (('gilpy', gilpy), ('python3', python)):
                dt, rc, out = timed([exe, prog.name], HERE)
                if rc != 0:
                    status = f'{label} exit {rc}'
                best[label] = min(best[label], dt)
                outs[label] = out
        if status == 'ok' and outs['gilpy'] != outs['python3']:
            status = 'output differs'
        ratio = best['gilpy'] / best['python3']
        rows.append((prog.stem, best['gilpy'], best['python3'], ratio, status))
        print(f'{prog.stem}: {ratio:.2f}x', file=sys.stderr, flush=True)
    print('| benchmark | gilpy (s) | python3 (s) | gilpy/python3 | status |')
    print('|---|---:|---:|---:|---|')
    for name, g, p, r, st in rows:
        print(f'| {name} | {g:.3f} | {p:.3f} | {r:.2f} | {st} |')
    ok = [r for _, _, _, r, st in rows if st == 'ok']
    if ok:
        geo = 1.0
        for r in ok:
            geo *= r
        print(f'| **geometric mean** | | | **{geo ** (1 / len(ok)):.2f}** | {len(ok)}/{len(rows)} ok |')
    return 0 if all(st == 'ok' for *_, st in rows) else 1


if __name__ == '__main__':
    sys.exit(main())
