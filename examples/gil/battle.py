"""The GIL battle: does the thread that drops the GIL win it straight back?

    gilpy [-X gil=POLICY] examples/gil/battle.py [--quick] [--seconds S]
    taskset -c 0 gilpy ... examples/gil/battle.py        (one core)

Two threads count for S seconds.  Every time a thread sees that the last
counting step was made by the other thread, the GIL changed hands: these
hand-offs, counted in Python, work under any interpreter.  Under gilpy the
GIL's own counters say more (gil.stats()): `contested_drops`, the drops made
while the other thread waited, and `retakes`, how many of those the dropping
thread won straight back before the waiter got the GIL.

With Python 2's algorithm (policy `ticks`) a thread releases the GIL every
100 ticks and at once asks for it again; on two cores the waiter is still
waking up when the releaser takes it back, so nearly every contested release is a
retake and the waiter wakes up in vain, over and over (Beazley 2009).  On
one core the releaser wins too - the waiter cannot run before the releaser's
time slice ends - but the waiter burns no CPU trying.
CPython's algorithm (`interval`) forbids the retake: a forced drop waits
until another thread has the GIL.

Prints one line and `RESULT {...}` (a Python literal) for
tools/gil_experiments.py.  Runs under python3 too (hand-offs only).
"""
import os
import sys
import threading
import time

from _lab import report

try:
    import gil
except ImportError:
    gil = None

go = threading.Event()
stop = False
last = None


def count(me, out):
    global last
    go.wait()
    n = handoffs = 0
    while not stop:
        if last is not me:
            handoffs += 1
            last = me
        n += 1
    out[me] = (n, handoffs)


def gil_counters(names):
    if gil is None:
        return None
    rows = [r for r in gil.stats() if r["name"] in names]
    drops = sum(r["drops"]["forced"] + r["drops"]["ticks"] for r in rows)
    return {"drops": drops, "contested": sum(r["contested_drops"] for r in rows),
            "retakes": sum(r["retakes"] for r in rows),
            "acquisitions": sum(r["acquisitions"] for r in rows)}


def cores():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count()


def main():
    global stop
    seconds = 2.0
    args = iter(sys.argv[1:])
    for a in args:
        if a == "--quick":
            seconds = 0.2
        elif a == "--seconds":
            seconds = float(next(args))
        else:
            sys.exit(f"battle.py: unknown argument {a!r}")
    out = {}
    names = ["battle-0", "battle-1"]
    threads = [threading.Thread(target=count, args=(i, out), name=names[i]) for i in range(2)]
    for t in threads:
        t.start()
    time.sleep(0.05)
    if gil is not None:
        gil.reset()
    go.set()
    time.sleep(seconds)
    stop = True
    for t in threads:
        t.join()
    counts = sum(out[i][0] for i in range(2))
    handoffs = sum(out[i][1] for i in range(2))
    g = gil_counters(names)
    line = f"cores={cores()} counts_per_s={counts / seconds:.0f} handoffs_per_s={handoffs / seconds:.1f}"
    if g:
        pct = 100 * g["retakes"] / g["contested"] if g["contested"] else 0.0
        line += f" drops={g['drops']} contested={g['contested']} retakes={g['retakes']} ({pct:.1f}%)"
    print(line, flush=True)
    report("battle", cores=cores(), counts_per_s=round(counts / seconds),
           handoffs_per_s=round(handoffs / seconds, 1), gil=g)


main()
