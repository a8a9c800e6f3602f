#!/usr/bin/env python3
"""The classic GIL experiments of docs/GIL.md, gilpy (every policy) against python3.

    python3 tools/gil_experiments.py [--gilpy build/gilpy] [--rounds 3] [--svg docs/img]

Runs examples/gil/cpu_bound.py (two CPU-bound threads against the same work
done sequentially: the ratio threads/sequential) and examples/gil/convoy.py
(an echo round trip alone and beside a CPU-bound thread: the ratio
beside/alone) under gilpy with -X gil=interval|ticks|ioprio|fifo and under
python3, alternating interpreters in every round, and prints a markdown
table of the medians.  With --svg DIR it also draws one timeline per
experiment and policy (-X giltrace=DIR/gil-EXPERIMENT-POLICY.svg).
The machine's load average is printed: the figures mean little on a busy
machine (a descheduled thread holds the GIL while it does not run).
"""
import argparse
import os
import pathlib
import re
import statistics
import subprocess

REPO = pathlib.Path(__file__).resolve().parent.parent
CPU = REPO / 'examples' / 'gil' / 'cpu_bound.py'
CONVOY = REPO / 'examples' / 'gil' / 'convoy.py'
POLICIES = ['interval', 'ticks', 'ioprio', 'fifo']


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=True).stdout
    return dict(re.findall(r'(\w+)=([\w.]+)', out))


def interpreters(gilpy):
    yield 'python3', ['python3']
    for p in POLICIES:
        yield f'gilpy {p}', [gilpy, '-X', f'gil={p}']


def measure(gilpy, rounds, n):
    res = {}
    for _ in range(rounds):
        for name, cmd in interpreters(gilpy):
            r = res.setdefault(name, {'seq': [], 'thr': [], 'cpu': [], 'alone': [], 'beside': [], 'echo': []})
            c = run(cmd + [str(CPU), str(n)])
            r['seq'].append(float(c['sequential'].rstrip('s')))
            r['thr'].append(float(c['threads'].rstrip('s')))
            r['cpu'].append(float(c['ratio']))
            e = run(cmd + [str(CONVOY)])
            r['alone'].append(float(e['alone'].rstrip('us')))
            r['beside'].append(float(e['beside_cpu'].rstrip('us')))
            r['echo'].append(float(e['ratio']))
    return res


def table(res):
    med = statistics.median
    print('| interpreter | sequential s | 2 threads s | threads/sequential | echo alone µs | echo beside CPU µs | beside/alone |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    for name, r in res.items():
        print(f"| {name} | {med(r['seq']):.3f} | {med(r['thr']):.3f} | {med(r['cpu']):.2f} "
              f"| {med(r['alone']):.1f} | {med(r['beside']):.1f} | {med(r['echo']):.1f} |")


def pictures(gilpy, outdir, n):
    outdir.mkdir(parents=True, exist_ok=True)
    for p in POLICIES:
        subprocess.run([gilpy, '-X', f'gil={p}', '-X', f'giltrace={outdir}/gil-cpu-{p}.svg', str(CPU), str(n // 4)],
                       check=True, capture_output=True)
        subprocess.run([gilpy, '-X', f'gil={p}', '-X', f'giltrace={outdir}/gil-convoy-{p}.svg', str(CONVOY),
                        '400', '0.15'], check=True, capture_output=True)
        print(f'drew {outdir}/gil-cpu-{p}.svg and {outdir}/gil-convoy-{p}.svg')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--gilpy', default=str(REPO / 'build' / 'gilpy'))
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('-n', type=int, default=3_000_000, help='countdown per thread (cpu_bound.py)')
    ap.add_argument('--svg', type=pathlib.Path, help='draw the timelines into this directory')
    a = ap.parse_args()
    print(f'load average before: {os.getloadavg()[0]:.2f} (on {os.cpu_count()} CPUs)')
    table(measure(a.gilpy, a.rounds, a.n))
    print(f'load average after: {os.getloadavg()[0]:.2f}')
    if a.svg:
        pictures(a.gilpy, a.svg, a.n)


if __name__ == '__main__':
    main()
