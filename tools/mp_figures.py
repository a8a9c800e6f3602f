#!/usr/bin/env python3
"""Print issues 4's and 13's multiprocessing and threading figures, gilpy against python3.

    tools/mp_figures.py [--gilpy build/gilpy] [-n ROUNDS]

Runs bench/mp_start.py, mp_queue.py and mp_pool.py (issue 4), mp_pipe.py,
mp_pool_items.py and thread_handoff.py (issue 13) under both interpreters
alternately, ROUNDS times (default 3), parses the measurement each program
prints on stderr, keeps the best of each, and prints a markdown table with
the targets: start+join gilpy <= 0.5x python3, Queue throughput >= 2x,
Pool.map(2 processes) >= 1.8x faster than sequential; Pipe round trips in at
most half python3's time, Pool.map of small items at python3's rate, thread
hand-offs at twice its rate (the ROWS table).  The last column is
the CPU time (user+sys, the whole process tree) of the best run of each
interpreter: it does not depend on the machine's load as wall times do, so
check the load average (printed first) before trusting a missed target.  (It lives outside
bench/ so that bench/run.py does not run it as a benchmark.)
"""
import argparse
import os
import resource
import pathlib
import re
import subprocess
import sys

BENCH = pathlib.Path(__file__).resolve().parent.parent / 'bench'


def real_python3():
    out = subprocess.run(['python3', '-c', 'import sys; print(sys.executable)'],
                         stdout=subprocess.PIPE, text=True, check=True)
    return out.stdout.strip()


def measure(exe, name):
    """Run one program, return the first number of its stderr figure."""
    before = _children_cpu()
    p = subprocess.run([exe, f'{name}.py'], cwd=BENCH, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, timeout=300)
    cpu = _children_cpu() - before
    m = re.search(rf'^{name}: (.*)$', p.stderr, re.M)
    if p.returncode != 0 or not m:
        raise RuntimeError(f'{exe} {name}: exit {p.returncode}\n{p.stderr}')
    nums = [float(x) for x in re.findall(r'[\d.]+', m.group(1))]
    pick = {'mp_pool': nums[-1], 'thread_handoff': min(nums)}   # the speedup; the slowest kind
    return pick.get(name, nums[0]), cpu


def _children_cpu():
    """CPU seconds of every reaped descendant (grandchildren included)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def best(runs, higher_is_better):
    """The (figure, cpu) pair of the best run."""
    return (max if higher_is_better else min)(runs, key=lambda run: run[0])


ROWS = [  # program, label, unit, higher is better, target: (kind, value)
    ('mp_start', 'Process start+join', 'ms/process', False, ('at most x python3', 0.5)),
    ('mp_queue', 'Queue throughput (child->parent)', 'items/s', True, ('at least x python3', 2.0)),
    ('mp_pool', 'Pool(2).map speedup over sequential', 'x', True, ('at least', 1.8)),
    # issue 13
    ('mp_pipe', 'Pipe round trips (time at most 0.5x)', 'round trips/s', True, ('at least x python3', 2.0)),
    ('mp_pool_items', 'Pool(2).map of small items in chunks', 'items/s', True, ('at least x python3', 1.0)),
    ('thread_handoff', 'thread hand-offs (slowest of Condition, Lock, Event)', 'hand-offs/s', True,
     ('at least x python3', 2.0)),
]


def verdict(target, g, p):
    kind, value = target
    if kind == 'at most x python3':
        return g <= value * p, f'{g / p:.2f}x of python3 (target <= {value:.2f})'
    if kind == 'at least x python3':
        return g >= value * p, f'{g / p:.2f}x python3 (target >= {value:.2f})'
    return g >= value, f'{g:.2f}x (target >= {value:.2f})'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', default=str(BENCH.parent / 'build' / 'gilpy'))
    ap.add_argument('-n', '--rounds', type=int, default=3)
    args = ap.parse_args()
    gilpy = str(pathlib.Path(args.gilpy).resolve())
    python = real_python3()
    print(f'load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cpus', file=sys.stderr)
    print('| figure | unit | gilpy | python3 | result | met | CPU s gilpy / python3 |')
    print('|---|---|---:|---:|---|---|---:|')
    ok = True
    for name, label, unit, higher, target in ROWS:
        got = {'gilpy': [], 'python3': []}
        for _ in range(args.rounds):
            got['gilpy'].append(measure(gilpy, name))
            got['python3'].append(measure(python, name))
        (g, gcpu), (p, pcpu) = best(got['gilpy'], higher), best(got['python3'], higher)
        met, text = verdict(target, g, p)
        ok = ok and met
        print(f'| {label} | {unit} | {g:.4g} | {p:.4g} | {text} | {"yes" if met else "NO"} '
              f'| {gcpu:.2f} / {pcpu:.2f} |', flush=True)
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
