"""Fairness: how evenly N CPU-bound threads share the GIL.

    gilpy [-X gil=POLICY] examples/gil/fairness.py [--quick] [--seconds S] [--threads 2,4,8,16]

N threads count as fast as they can for N * S seconds (S = 0.75: every
thread expects the same number of 5 ms turns whatever N), all started together
(they wait on one Event) and stopped together (a flag).  A thread's share is
its count divided by the sum of all counts; with a fair GIL every share is
1/N.  The spread is the largest relative distance from equal,
max |share * N - 1|: 0.05 means some thread got 5% more or less than its
due.  Under gilpy the GIL's own view is printed too: each thread's share of
the time the counting threads held the GIL, and its number of turns
(acquisitions) (gil.stats()).

Prints one line per N and a last line `RESULT {...}` (a Python literal) for
tools/gil_experiments.py.  Runs under python3 too.
"""
import sys
import threading
import time

from _lab import report

try:
    import gil
except ImportError:
    gil = None

THREADS = [2, 4, 8, 16]

go = threading.Event()
stop = False


def count(slot, counts):
    go.wait()
    n = 0
    while not stop:
        n += 1
    counts[slot] = n


def gil_view(names):
    """Each counting thread's share of the GIL-holding time, and its turns (gilpy only)."""
    if gil is None:
        return None, None
    rows = {r["name"]: r for r in gil.stats() if r["name"] in names}
    total = sum(r["held_s"] for r in rows.values()) or 1.0
    return ([round(rows[n]["held_s"] / total, 4) if n in rows else 0.0 for n in names],
            [rows[n]["acquisitions"] if n in rows else 0 for n in names])


def spread(shares):
    return max(abs(s * len(shares) - 1) for s in shares)


def run(n, seconds):
    global stop, go
    stop = False
    go = threading.Event()
    counts = [0] * n
    names = [f"n{n}-count-{i}" for i in range(n)]
    threads = [threading.Thread(target=count, args=(i, counts), name=names[i]) for i in range(n)]
    for t in threads:
        t.start()
    time.sleep(0.05)
    if gil is not None:
        gil.reset()
    go.set()
    time.sleep(seconds * n)
    stop = True
    for t in threads:
        t.join()
    total = sum(counts) or 1
    shares = [round(c / total, 4) for c in counts]
    held, turns = gil_view(names)
    return {"shares": shares, "spread": round(spread(shares), 4), "held": held, "turns": turns,
            "rate": round(total / (seconds * n))}


def parse(argv):
    opts = {"seconds": 0.75, "threads": THREADS}
    args = iter(argv)
    for a in args:
        if a == "--quick":
            opts.update(seconds=0.05, threads=[2, 4])
        elif a == "--seconds":
            opts["seconds"] = float(next(args))
        elif a == "--threads":
            opts["threads"] = [int(x) for x in next(args).split(",")]
        else:
            sys.exit(f"fairness.py: unknown argument {a!r}")
    return opts


def main():
    opts = parse(sys.argv[1:])
    res = {}
    for n in opts["threads"]:
        r = run(n, opts["seconds"])
        res[n] = r
        print(f"threads={n} spread={r['spread']:.3f} min={min(r['shares']) * n:.3f} "
              f"max={max(r['shares']) * n:.3f} (shares relative to 1/N) counts_per_s={r['rate']}"
              + (f" turns={min(r['turns'])}..{max(r['turns'])}" if r["turns"] else ""), flush=True)
    report("fairness", runs=res)


main()
