"""Priority inversion and lock convoys: a lock holder that loses the GIL.

    gilpy [-X gil=POLICY] examples/gil/inversion.py [--quick] [--seconds S]

A `holder` thread takes a threading.Lock, computes for a while (its
critical section: about one switch interval, 5 ms, alone), lets the lock go and sleeps 1 ms; two
`waiter` threads take the same lock over and over, timing how long each
acquire() blocks.  Three settings, S seconds each:
  alone      holder and waiters only;
  hogs       plus two threads that only compute: when the holder loses the
             GIL in the middle of its critical section it is the hogs, not
             the waiters, that run - the waiters are blocked on the lock, and
             wait for a thread that is itself waiting for the GIL (the
             interpreter's version of priority inversion);
  nogap      no hogs, and the holder takes the lock again at once: the
             waiter woken by a release needs the GIL before it can take the
             lock, and by then the holder has it again (a lock convoy:
             threading.Lock is not fair).
For each: the holder's critical sections (count, median and max in ms) and
the waiters' acquire() times (count, median, 99th percentile, max in ms).

Prints one line per setting and a last line `RESULT {...}` (a Python
literal) for tools/gil_experiments.py.  Runs under python3 too.
"""
import sys
import threading
import time

from _lab import report

WORK = 300_000          # countdown inside the critical section (~5 ms alone)

lock = threading.Lock()
stop = False


def count(n):
    while n > 0:
        n -= 1


def holder(gap, sections):
    while not stop:
        with lock:
            t0 = time.perf_counter()
            count(WORK)
            sections.append(time.perf_counter() - t0)
        if gap:
            time.sleep(0.001)


def waiter(waits):
    while not stop:
        t0 = time.perf_counter()
        with lock:
            waits.append(time.perf_counter() - t0)
        time.sleep(0.0005)


def hog():
    while not stop:
        pass


def pct(xs, p):
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, len(xs) * p // 100)] * 1e3, 3) if xs else None


def setting(hogs, gap, seconds):
    global stop
    stop = False
    sections, waits = [], []
    threads = [threading.Thread(target=holder, args=(gap, sections), name="holder")]
    threads += [threading.Thread(target=waiter, args=(waits,), name=f"waiter-{i}") for i in range(2)]
    threads += [threading.Thread(target=hog, name=f"hog-{i}") for i in range(hogs)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop = True
    for t in threads:
        t.join()
    return {"sections": len(sections), "section_median_ms": pct(sections, 50), "section_max_ms": pct(sections, 100),
            "waits": len(waits), "wait_median_ms": pct(waits, 50), "wait_p99_ms": pct(waits, 99),
            "wait_max_ms": pct(waits, 100)}


def main():
    global WORK
    seconds = 1.0
    args = iter(sys.argv[1:])
    for a in args:
        if a == "--quick":
            seconds, WORK = 0.1, 5_000
        elif a == "--seconds":
            seconds = float(next(args))
        else:
            sys.exit(f"inversion.py: unknown argument {a!r}")
    res = {}
    for name, hogs, gap in (("alone", 0, True), ("hogs", 2, True), ("nogap", 0, False)):
        r = setting(hogs, gap, seconds)
        res[name] = r
        print(f"setting={name} sections={r['sections']} section_median={r['section_median_ms']}ms "
              f"section_max={r['section_max_ms']}ms waits={r['waits']} wait_median={r['wait_median_ms']}ms "
              f"wait_p99={r['wait_p99_ms']}ms wait_max={r['wait_max_ms']}ms", flush=True)
    report("inversion", settings=res)


main()
