#!/usr/bin/env python3
"""Check gilpy's GIL instruments from outside (python3; gilpy has no json/xml).

    python3 tests/py/gil/_trace_check.py [GILPY] [POLICY...]

For each policy (default: all four) it runs _workload.py under GILPY
(default build/gilpy) with -X giltrace=FILE.json, -X giltrace=FILE.svg and
-X gilstats, and checks:
  - the JSON parses; every thread with events has a thread_name; spans are
    "X" events with ts/dur in microseconds and never overlap per thread;
    drop requests are "i" instants; MainThread and the threads still alive
    at exit carry their threading names;
  - the SVG is well-formed XML and shows every thread's name;
  - the -X gilstats table lists every thread and its drop columns;
  - the `gil` module: stats() rows have the documented keys, ended threads
    stay in the table, reset() empties it, policy() is the policy.
Prints one line per check group; exits 1 on the first failure.
CI runs it in the ThreadSanitizer phase of .ci/run.
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]
WORKLOAD = HERE / '_workload.py'
POLICIES = ['interval', 'ticks', 'ioprio', 'fifo']
ALIVE_AT_EXIT = {'MainThread', 'daemon-waiter'}
SPAN_NAMES = {'holding', 'waiting', 'blocked: sleep', 'blocked: lock', 'blocked: join', 'blocked: io'}

MODULE_PROBE = r'''
import gil, threading, time
def work():
    n = 20000
    while n: n -= 1
ts = [threading.Thread(target=work, name=f"w{i}") for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
rows = gil.stats()
keys = sorted(rows[0])
print("keys", keys)
print("rows", len(rows), "main first", rows[0]["name"] == "MainThread")
print("ended", sum(1 for r in rows if not r["alive"]))
print("drops", sorted(rows[0]["drops"]) == sorted(gil.REASONS))
print("exits", sum(r["drops"]["exit"] for r in rows))
print("acquired", all(r["acquisitions"] >= 1 for r in rows))
gil.reset()
print("after reset", len(gil.stats()), gil.stats()[0]["acquisitions"])
print("policy", gil.policy(), gil.policy() in gil.POLICIES, gil.switch_interval() == 0.005)
'''
EXPECTED_KEYS = ['acquisitions', 'alive', 'contested_drops', 'drop_latency_max_s', 'drop_latency_mean_s', 'drop_requests', 'drops',
                 'held_s', 'ident', 'name', 'retakes', 'wait_histogram', 'wait_max_s', 'waited_s']


def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)


def run(gilpy, args, **kw):
    r = subprocess.run([gilpy] + args, capture_output=True, text=True, timeout=120, **kw)
    if r.returncode != 0:
        fail(f'{" ".join(args)} exited {r.returncode}: {r.stderr[-2000:]}')
    return r


def check_json(path):
    data = json.loads(pathlib.Path(path).read_text())
    events = data['traceEvents']
    names = {e['tid']: e['args']['name'] for e in events if e['ph'] == 'M' and e['name'] == 'thread_name'}
    spans = {}
    for e in events:
        if e['ph'] == 'M':
            continue
        if e['tid'] not in names:
            fail(f'{path}: tid {e["tid"]} has events but no thread_name')
        if e['ph'] == 'X':
            if e['name'] not in SPAN_NAMES or e['dur'] < 0:
                fail(f'{path}: bad span {e}')
            spans.setdefault(e['tid'], []).append((e['ts'], e['ts'] + e['dur'], e['name']))
        elif e['ph'] == 'i':
            if e['name'] != 'drop request':
                fail(f'{path}: bad instant {e}')
        else:
            fail(f'{path}: unexpected phase {e["ph"]}')
    for tid, lst in spans.items():
        lst.sort()
        for (a0, a1, an), (b0, b1, bn) in zip(lst, lst[1:]):
            if b0 < a1 - 1e-3:      # timestamps are printed to the nanosecond
                fail(f'{path}: thread {names[tid]}: {an} [{a0}, {a1}] overlaps {bn} [{b0}, {b1}]')
    missing = ALIVE_AT_EXIT - set(names.values())
    if missing:
        fail(f'{path}: no lane named {sorted(missing)} (names: {sorted(names.values())})')
    return names, sum(len(v) for v in spans.values())


def check_svg(path, names):
    """Well-formed, and one labelled lane per thread of the JSON run of the
    same program (names made of digits are idents, which may differ)."""
    root = ET.parse(path).getroot()
    svg = '{http://www.w3.org/2000/svg}'
    labels = [''.join(t.itertext()) for t in root.iter(svg + 'text') if t.get('text-anchor') == 'end']
    if len(labels) != len(names):
        fail(f'{path}: {len(labels)} lanes {labels} for {len(names)} threads')
    for n in names.values():
        if not n.isdigit() and n not in labels:
            fail(f'{path}: thread {n!r} not shown')
    if not any(''.join(t.itertext()).startswith('GIL timeline') for t in root.iter(svg + 'text')):
        fail(f'{path}: no title')


def check_stats(stderr, names):
    lines = stderr.splitlines()
    if not lines or not lines[0].startswith('GIL statistics: policy'):
        fail(f'-X gilstats: no table on stderr: {stderr[:500]}')
    header = lines[1].split()
    for col in ['thread', 'acq', 'forced', 'ticks', 'sleep', 'lock', 'join', 'io', 'exit', 'contest', 'retake']:
        if col not in header:
            fail(f'-X gilstats: no column {col}: {lines[1]}')
    rows = {ln.split()[0] for ln in lines[3:] if ln and not ln.startswith(' ')}
    if 'MainThread' not in rows or 'daemon-waiter' not in rows:
        fail(f'-X gilstats: rows {sorted(rows)}')


def check_policy(gilpy, policy, tmp):
    js, svg = os.path.join(tmp, 't.json'), os.path.join(tmp, 't.svg')
    run(gilpy, ['-X', f'gil={policy}', '-X', f'giltrace={js}', str(WORKLOAD)])
    names, nspans = check_json(js)
    run(gilpy, ['-X', f'gil={policy}', '-X', f'giltrace={svg}', str(WORKLOAD)])
    check_svg(svg, names)
    r = run(gilpy, ['-X', f'gil={policy}', '-X', 'gilstats', str(WORKLOAD)])
    check_stats(r.stderr, names)
    print(f'ok {policy}: json ({len(names)} threads, {nspans} spans, no overlap), svg, gilstats')


def check_module(gilpy):
    out = run(gilpy, ['-c', MODULE_PROBE]).stdout.splitlines()
    want = [f'keys {EXPECTED_KEYS}', 'rows 4 main first True', 'ended 3', 'drops True', 'exits 3',
            'acquired True', 'after reset 1 0', 'policy interval True True']
    if out != want:
        fail('gil module:\n  got  ' + '\n       '.join(out) + '\n  want ' + '\n       '.join(want))
    print('ok gil module: stats, reset, policy')


def check_errors(gilpy):
    r = subprocess.run([gilpy, '-X', 'giltrace', '-c', 'pass'], capture_output=True, text=True)
    if r.returncode != 2 or 'giltrace' not in r.stderr:
        fail(f'-X giltrace without a file: exit {r.returncode}, {r.stderr!r}')
    r = subprocess.run([gilpy, '-X', 'giltrace=/nonexistent/dir/t.json', '-c', 'pass'], capture_output=True, text=True)
    if r.returncode != 2 or 'cannot write' not in r.stderr:
        fail(f'-X giltrace=unwritable: exit {r.returncode}, {r.stderr!r}')
    print('ok errors: -X giltrace without a file, unwritable file')


def main():
    gilpy = sys.argv[1] if len(sys.argv) > 1 else str(REPO / 'build' / 'gilpy')
    policies = sys.argv[2:] or POLICIES
    with tempfile.TemporaryDirectory() as tmp:
        for p in policies:
            check_policy(gilpy, p, tmp)
    check_module(gilpy)
    check_errors(gilpy)
    return 0


if __name__ == '__main__':
    sys.exit(main())
