"""Two CPU-bound threads against the same work done sequentially.

    gilpy [-X gil=POLICY] [-X giltrace=cpu.svg] examples/gil/cpu_bound.py [N]

With a GIL only one thread runs Python code at a time, so two threads cannot
beat the sequential time; a good GIL makes them cost (almost) nothing more.
docs/GIL.md discusses the figures.  Runs under python3 too.
"""
import sys
import threading
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3_000_000


def count(n):
    while n > 0:
        n -= 1


def sequential():
    t0 = time.perf_counter()
    count(N)
    count(N)
    return time.perf_counter() - t0


def threaded():
    t0 = time.perf_counter()
    threads = [threading.Thread(target=count, args=(N,), name=f"count-{i}") for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0


def policy():
    try:
        import gil
        return gil.policy()
    except ImportError:
        return "cpython"


seq = sequential()
thr = threaded()
print(f"policy={policy()} N={N} sequential={seq:.3f}s threads={thr:.3f}s ratio={thr / seq:.2f}")
