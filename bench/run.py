#!/usr/bin/env python3
"""Time gilpy against CPython on the benchmark programs of bench/.

    bench/run.py [--gilpy build/gilpy] [--python PATH] [-n ROUNDS] [NAME...]

Runs every bench/*.py (except this file) under both interpreters alternately,
ROUNDS times each (default 3), keeps the minimum wall time, the minimum CPU
time (user + system, children included: the steadier figure on a loaded
machine) and the largest peak resident size (/usr/bin/time -f %M) of each,
checks that both printed the same output, and prints a markdown table with the
ratios gilpy/python3 of wall time, CPU time and peak RSS (lower is better for
gilpy). python3 is resolved to the real executable
(pyenv shims add tens of milliseconds); --python /usr/bin/python3.11 compares
against Debian's CPython, the one whose library gilpy runs.
"""
import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent


def real_python3() -> str:
    out = subprocess.run(['python3', '-c', 'import sys; print(sys.executable)'],
                         stdout=subprocess.PIPE, text=True, check=True)
    return out.stdout.strip()


def timed(cmd, cwd):
    """Wall time, CPU time (user + system, children included), exit status,
    stdout and peak RSS (KiB) of one run of cmd.

    They come from /usr/bin/time (a small parent, where a child of this
    runner would inherit the runner's own high-water mark across exec)."""
    with tempfile.NamedTemporaryFile('r') as out:
        t0 = time.perf_counter()
        p = subprocess.run(['/usr/bin/time', '-f', '%U %S %M', '-o', out.name] + cmd, cwd=cwd,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           stdin=subprocess.DEVNULL)
        dt = time.perf_counter() - t0
        text = out.read().split()
    if len(text) < 3:
        return dt, dt, p.returncode, p.stdout, 0
    return dt, float(text[-3]) + float(text[-2]), p.returncode, p.stdout, int(text[-1])


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
        cpu = {'gilpy': float('inf'), 'python3': float('inf')}
        rss = {'gilpy': 0, 'python3': 0}
        outs = {}
        status = 'ok'
        for _ in range(args.rounds):
            for label, exe in (('gilpy', gilpy), ('python3', python)):
                dt, ct, rc, out, kib = timed([exe, prog.name], HERE)
                if rc != 0:
                    status = f'{label} exit {rc}'
                best[label] = min(best[label], dt)
                cpu[label] = min(cpu[label], ct)
                rss[label] = max(rss[label], kib)
                outs[label] = out
        if status == 'ok' and outs['gilpy'] != outs['python3']:
            status = 'output differs'
        ratio = best['gilpy'] / best['python3']
        mem = rss['gilpy'] / max(rss['python3'], 1)
        cratio = cpu['gilpy'] / max(cpu['python3'], 0.001)
        rows.append((prog.stem, best['gilpy'], best['python3'], ratio, cpu['gilpy'], cpu['python3'],
                     cratio, rss['gilpy'] / 1024, rss['python3'] / 1024, mem, status))
        print(f'{prog.stem}: {ratio:.2f}x wall, {cratio:.2f}x cpu, {mem:.2f}x rss', file=sys.stderr, flush=True)
    print('| benchmark | gilpy wall (s) | python3 wall (s) | wall ratio | gilpy CPU (s) | python3 CPU (s) '
          '| CPU ratio | gilpy MB | python3 MB | RSS ratio | status |')
    print('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|')
    for name, g, p, r, gc, pc, cr, gm, pm, mr, st in rows:
        print(f'| {name} | {g:.3f} | {p:.3f} | {r:.2f} | {gc:.2f} | {pc:.2f} | {cr:.2f} '
              f'| {gm:.1f} | {pm:.1f} | {mr:.2f} | {st} |')
    ok = [row for row in rows if row[-1] == 'ok']
    if ok:
        print(f'| **geometric mean** | | | **{geomean(r[3] for r in ok):.2f}** | | | '
              f'**{geomean(r[6] for r in ok):.2f}** | | | **{geomean(r[9] for r in ok):.2f}** '
              f'| {len(ok)}/{len(rows)} ok |')
    return 0 if all(row[-1] == 'ok' for row in rows) else 1


def geomean(values):
    values = list(values)
    prod = 1.0
    for v in values:
        prod *= v
    return prod ** (1 / len(values))


if __name__ == '__main__':
    sys.exit(main())
