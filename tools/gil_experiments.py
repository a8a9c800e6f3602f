#!/usr/bin/env python3
"""The GIL experiments of docs/GIL.md, gilpy (every policy) against CPython.

    python3 tools/gil_experiments.py [EXPERIMENT] [--gilpy build/gilpy] [--python /usr/bin/python3.11]
                                     [--quick] [--rounds 3] [--svg DIR]

EXPERIMENT is one of
  classic     (the default) cpu_bound.py and convoy.py, described below;
  sweep       examples/gil/sweep.py: echo requests/s against the switch interval;
  fairness    examples/gil/fairness.py: N CPU-bound threads' shares of the GIL;
  battle      examples/gil/battle.py on 2 cores and on 1 (taskset -c 0);
  tcp-convoy  examples/gil/tcp_convoy.py: echo latency over TCP beside a CPU thread;
  models      examples/gil/models.py: sequential, threads, processes, asyncio;
  inversion   examples/gil/inversion.py: a lock holder losing the GIL;
  all         the six above, one after the other.
Each of the six runs its script once under CPython and under gilpy with
every policy, prints a markdown table, and draws DIR/gil-lab-EXPERIMENT.svg
(default docs/img; with --quick, only when --svg is given).  --quick passes
--quick to the scripts (seconds instead of minutes: for tests).
The pictures are drawn by tools/gil_svg.py.

classic: runs examples/gil/cpu_bound.py (two CPU-bound threads against the same work
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
import ast
import os
import pathlib
import re
import statistics
import subprocess
import sys

import gil_svg

REPO = pathlib.Path(__file__).resolve().parent.parent
CPU = REPO / 'examples' / 'gil' / 'cpu_bound.py'
CONVOY = REPO / 'examples' / 'gil' / 'convoy.py'
POLICIES = ['interval', 'ticks', 'ioprio', 'fifo']


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=True).stdout
    return dict(re.findall(r'(\w+)=([\w.]+)', out))


def interpreters(gilpy, python='python3'):
    yield 'python3', [python]
    for p in POLICIES:
        yield f'gilpy {p}', [gilpy, '-X', f'gil={p}']


def measure(gilpy, rounds, n, python):
    res = {}
    for _ in range(rounds):
        for name, cmd in interpreters(gilpy, python):
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


# ---- the GIL laboratory: one command per experiment --------------------------------

EXAMPLES = REPO / 'examples' / 'gil'


def lab_run(cmd, script, args, prefix=()):
    """Run one example; its last line is `RESULT {...}`: return the dict."""
    r = subprocess.run(list(prefix) + cmd + [str(EXAMPLES / script)] + args, capture_output=True, text=True,
                       timeout=900)
    if r.returncode != 0:
        sys.exit(f'{" ".join(cmd)} {script} exited {r.returncode}:\n{r.stderr[-3000:]}')
    line = [ln for ln in r.stdout.splitlines() if ln.startswith('RESULT ')][-1]
    return ast.literal_eval(line[len('RESULT '):])


def lab_all(a, script, args, prefix=()):
    """{interpreter label: result} for CPython and every gilpy policy, in that order."""
    res = {}
    for name, cmd in interpreters(a.gilpy, a.python):
        label = os.path.basename(a.python) if name == 'python3' else name
        print(f'  running {script} under {label}{" on " + " ".join(prefix) if prefix else ""}', file=sys.stderr)
        res[label] = lab_run(cmd, script, args, prefix)
    return res


def md_table(header, rows):
    print('| ' + ' | '.join(header) + ' |')
    print('|' + '|'.join(['---'] + ['---:'] * (len(header) - 1)) + '|')
    for r in rows:
        print('| ' + ' | '.join(str(c) for c in r) + ' |')


def exp_sweep(a, quick):
    res = lab_all(a, 'sweep.py', ['--quick'] if quick else [])
    first = next(iter(res.values()))['rates']
    intervals = sorted({float(k.split()[0]) for k in first})
    cpus = sorted({int(k.split()[1]) for k in first})
    md_table(['interpreter', 'CPU threads'] + [f'{i * 1e3:g} ms' for i in intervals],
             [[name, c] + [f"{r['rates'][f'{i:g} {c}']:.0f}" for i in intervals]
              for name, r in res.items() for c in cpus])
    panels = [{'kind': 'line', 'title': f'{c} CPU-bound thread{"s" if c != 1 else ""}', 'logx': True, 'logy': True,
               'xlabel': 'switch interval (s)', 'ylabel': 'echo requests/s',
               'series': {name: [(i, r['rates'][f'{i:g} {c}']) for i in intervals] for name, r in res.items()}}
              for c in cpus]
    return 'Switch-interval sweep: echo requests/s beside CPU-bound threads', panels


def exp_fairness(a, quick):
    res = lab_all(a, 'fairness.py', ['--quick'] if quick else [])
    ns = sorted(next(iter(res.values()))['runs'])
    rows = []
    for name, r in res.items():
        for n in ns:
            run = r['runs'][n]
            held = f"{max(abs(h * n - 1) for h in run['held']) * 100:.1f}" if run['held'] else 'n/a'
            turns = f"{min(run['turns'])}–{max(run['turns'])}" if run.get('turns') else 'n/a'
            rows.append([name, n, f"{run['spread'] * 100:.1f}", f"{min(run['shares']) * n:.3f}",
                         f"{max(run['shares']) * n:.3f}", held, turns])
    md_table(['interpreter', 'threads', 'spread %', 'min share × N', 'max share × N', 'spread of GIL time %',
              'turns per thread'], rows)
    panels = [{'kind': 'bar', 'title': 'spread: max |share × N − 1|', 'ylabel': 'spread (%)', 'logy': False,
               'groups': [f'{n} threads' for n in ns], 'hline': (5, '5%'),
               'series': {name: [r['runs'][n]['spread'] * 100 for n in ns] for name, r in res.items()}}]
    for n in ns[-2:]:
        panels.append({'kind': 'bar', 'title': f'{n} threads: each thread’s share × N', 'ylabel': 'share × N',
                       'groups': [str(i) for i in range(n)], 'hline': (1, 'equal'),
                       'series': {name: [s * n for s in r['runs'][n]['shares']] for name, r in res.items()}})
    return 'Fairness: N CPU-bound threads counting for a fixed time', panels


def exp_battle(a, quick):
    args = ['--quick'] if quick else []
    two = lab_all(a, 'battle.py', args)
    one = lab_all(a, 'battle.py', args, prefix=['taskset', '-c', '0'])
    rows = []
    for cores, res in ((2, two), (1, one)):
        for name, r in res.items():
            g = r['gil']
            pct = f"{100 * g['retakes'] / g['contested']:.1f}" if g and g['contested'] else 'n/a'
            rows.append([name, r['cores'], f"{r['counts_per_s'] / 1e6:.1f}", f"{r['handoffs_per_s']:.0f}",
                         g['drops'] if g else 'n/a', g['contested'] if g else 'n/a', g['retakes'] if g else 'n/a',
                         pct])
    md_table(['interpreter', 'cores', 'Mcounts/s', 'hand-offs/s', 'drops', 'contested', 'retakes', 'retake %'],
             rows)
    names = list(two)
    gnames = [n for n in names if two[n]['gil']]

    def pct(r):
        g = r['gil']
        return 100 * g['retakes'] / g['contested'] if g['contested'] else 0.0
    panels = [
        {'kind': 'bar', 'title': 'contested drops won straight back', 'ylabel': 'retakes (%)', 'groups': gnames,
         'series': {'2 cores': [pct(two[n]) for n in gnames], '1 core': [pct(one[n]) for n in gnames]}},
        {'kind': 'bar', 'title': 'GIL hand-offs seen from Python', 'ylabel': 'hand-offs/s', 'logy': True,
         'groups': names, 'series': {'2 cores': [two[n]['handoffs_per_s'] for n in names],
                                     '1 core': [one[n]['handoffs_per_s'] for n in names]}},
        {'kind': 'bar', 'title': 'work done by the two threads', 'ylabel': 'million counts/s', 'groups': names,
         'series': {'2 cores': [two[n]['counts_per_s'] / 1e6 for n in names],
                    '1 core': [one[n]['counts_per_s'] / 1e6 for n in names]}}]
    for p in panels:
        p['groups'] = [g.replace('gilpy ', '') for g in p['groups']]
    return 'The GIL battle: two CPU-bound threads on 2 cores and on 1', panels


def exp_tcp_convoy(a, quick):
    res = lab_all(a, 'tcp_convoy.py', ['--quick'] if quick else [])
    rows = []
    for name, r in res.items():
        al, be = r['alone'], r['beside_cpu']
        rows.append([name, al['median_us'], al['p99_us'], be['median_us'], be['p99_us'],
                     f"{be['median_us'] / al['median_us']:.1f}", f"{be['mean_us'] / al['mean_us']:.1f}",
                     f"{al['bulk_s'] * 1e3:.1f}", f"{be['bulk_s'] * 1e3:.1f}", f"{be['bulk_s'] / al['bulk_s']:.0f}"])
    md_table(['interpreter', 'alone median µs', 'alone p99 µs', 'beside CPU median µs', 'beside p99 µs',
              'median ratio', 'mean ratio', 'bulk alone ms', 'bulk beside ms', 'bulk ratio'], rows)
    names = list(res)
    short = [n.replace('gilpy ', '') for n in names]
    panels = [
        {'kind': 'bar', 'title': 'round trip, median', 'ylabel': 'µs', 'logy': True, 'groups': short,
         'series': {'alone': [res[n]['alone']['median_us'] for n in names],
                    'beside a CPU thread': [res[n]['beside_cpu']['median_us'] for n in names]}},
        {'kind': 'bar', 'title': 'round trip, 99th percentile', 'ylabel': 'µs', 'logy': True, 'groups': short,
         'series': {'alone': [res[n]['alone']['p99_us'] for n in names],
                    'beside a CPU thread': [res[n]['beside_cpu']['p99_us'] for n in names]}},
        {'kind': 'bar', 'title': 'bulk transfer (recv 4 KiB at a time)', 'ylabel': 'ms', 'logy': True,
         'groups': short, 'series': {'alone': [res[n]['alone']['bulk_s'] * 1e3 for n in names],
                                     'beside a CPU thread': [res[n]['beside_cpu']['bulk_s'] * 1e3 for n in names]}}]
    return 'Convoy over TCP: echo server thread beside a CPU-bound thread', panels


def exp_models(a, quick):
    res = lab_all(a, 'models.py', ['--quick'] if quick else [])
    keys = list(next(iter(res.values()))['times'])
    md_table(['interpreter'] + [f'{k} wall / cpu s' for k in keys],
             [[name] + [f"{r['times'][k]['wall_s']:.3f} / {r['times'][k]['cpu_s']:.3f}" for k in keys]
              for name, r in res.items()])
    ways = [k.split()[1] for k in keys if k.startswith('cpu ')]
    panels = []
    for job, what in (('cpu', 'wall'), ('cpu', 'cpu'), ('io', 'wall')):
        panels.append({'kind': 'bar', 'title': f'{job} job: {what} time', 'ylabel': 's', 'groups': ways,
                       'series': {name: [r['times'][f'{job} {w}'][f'{what}_s'] for w in ways]
                                  for name, r in res.items()}})
    return 'The same jobs sequential, with threads, processes and asyncio', panels


def exp_inversion(a, quick):
    res = lab_all(a, 'inversion.py', ['--quick'] if quick else [])
    settings = list(next(iter(res.values()))['settings'])
    rows = []
    for name, r in res.items():
        for st in settings:
            s = r['settings'][st]
            rows.append([name, st, s['sections'], s['section_median_ms'], s['section_max_ms'], s['waits'],
                         s['wait_median_ms'], s['wait_p99_ms'], s['wait_max_ms']])
    md_table(['interpreter', 'setting', 'sections', 'section median ms', 'section max ms', 'waits',
              'wait median ms', 'wait p99 ms', 'wait max ms'], rows)
    panels = [{'kind': 'bar', 'title': f'{key}', 'ylabel': 'ms', 'logy': True, 'groups': settings,
               'series': {name: [r['settings'][st][field] for st in settings] for name, r in res.items()}}
              for key, field in (("holder's longest critical section", 'section_max_ms'),
                                 ("waiters' acquire(): 99th percentile", 'wait_p99_ms'),
                                 ("waiters' longest acquire()", 'wait_max_ms'))]
    return 'A lock holder that loses the GIL: what the waiters see', panels


LAB = {'sweep': exp_sweep, 'fairness': exp_fairness, 'battle': exp_battle, 'tcp-convoy': exp_tcp_convoy,
       'models': exp_models, 'inversion': exp_inversion}


def machine():
    try:
        model = next(ln.split(':', 1)[1].strip() for ln in open('/proc/cpuinfo') if ln.startswith('model name'))
    except (OSError, StopIteration):
        model = 'unknown CPU'
    return f'{os.cpu_count()} CPUs ({model})'


def lab(a):
    for name in (LAB if a.experiment == 'all' else [a.experiment]):
        load0 = os.getloadavg()[0]
        print(f'## {name}: {machine()}, load average {load0:.2f} before')
        title, panels = LAB[name](a, a.quick)
        load1 = os.getloadavg()[0]
        print(f'load average after: {load1:.2f}')
        outdir = a.svg or (None if a.quick else REPO / 'docs' / 'img')
        if outdir:
            outdir.mkdir(parents=True, exist_ok=True)
            path = outdir / f'gil-lab-{name}.svg'
            gil_svg.figure(path, title, panels, note=f'one run; {machine()}; load average {load0:.1f} before, '
                                                      f'{load1:.1f} after')
            print(f'drew {path}')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('experiment', nargs='?', default='classic', choices=['classic', 'all'] + list(LAB))
    ap.add_argument('--gilpy', default=str(REPO / 'build' / 'gilpy'))
    ap.add_argument('--python', default='/usr/bin/python3.11', help='the CPython to compare with')
    ap.add_argument('--quick', action='store_true', help='short runs (the scripts\' --quick)')
    ap.add_argument('--rounds', type=int, default=3, help='classic: rounds (medians are shown)')
    ap.add_argument('-n', type=int, default=3_000_000, help='classic: countdown per thread (cpu_bound.py)')
    ap.add_argument('--svg', type=pathlib.Path, help='draw the pictures into this directory')
    a = ap.parse_args()
    if a.experiment != 'classic':
        lab(a)
        return
    print(f'load average before: {os.getloadavg()[0]:.2f} (on {os.cpu_count()} CPUs)')
    table(measure(a.gilpy, a.rounds, a.n, a.python))
    print(f'load average after: {os.getloadavg()[0]:.2f}')
    if a.svg:
        pictures(a.gilpy, a.svg, a.n)


if __name__ == '__main__':
    main()
