"""Threads, processes, asyncio: the same jobs done four ways.

    gilpy [-X gil=POLICY] examples/gil/models.py [--quick] [-n N]

Two jobs of TASKS = 4 tasks each:
  cpu  each task counts down from N (pure Python, holds the GIL throughout);
  io   each task waits 50 ms for an answer that comes from elsewhere (a
       sleep stands for the network round trip: no CPU, no GIL).
Each job runs
  sequential  one task after the other in the main thread;
  threads     a ThreadPoolExecutor with one thread per task;
  processes   a ProcessPoolExecutor with one process per task (created
              inside the timing: starting processes is part of the price);
  asyncio     one coroutine per task under asyncio.run (the cpu coroutines
              never await, so they run one after the other).
For each: wall time, and CPU time (user + system, this process and its
waited-for children, from resource.getrusage()).  With a GIL, threads cannot speed up
the cpu job but overlap the io job perfectly; processes speed up the cpu job
up to the number of free cores and pay for their start-up; asyncio overlaps
io in one thread.

Prints one line per job and way, and a last line `RESULT {...}` (a Python
literal) for tools/gil_experiments.py.  Runs under python3 too.
"""
import asyncio
import concurrent.futures
import os
import resource
import sys
import time

from _lab import report

TASKS = 4
IO_WAIT = 0.05


def count(n):
    while n > 0:
        n -= 1
    return n


def wait_io(_):
    time.sleep(IO_WAIT)
    return 0


async def count_async(n):
    return count(n)


async def wait_io_async(_):
    await asyncio.sleep(IO_WAIT)
    return 0


def sequential(fn, args):
    return [fn(a) for a in args]


def threads(fn, args):
    with concurrent.futures.ThreadPoolExecutor(len(args)) as ex:
        return list(ex.map(fn, args))


def processes(fn, args):
    with concurrent.futures.ProcessPoolExecutor(len(args)) as ex:
        return list(ex.map(fn, args))


def with_asyncio(afn, args):
    async def all_tasks():
        return await asyncio.gather(*(afn(a) for a in args))
    return asyncio.run(all_tasks())


WAYS = {"sequential": sequential, "threads": threads, "processes": processes, "asyncio": with_asyncio}
JOBS = {"cpu": (count, count_async), "io": (wait_io, wait_io_async)}


def cpu_seconds():
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        r = resource.getrusage(who)
        total += r.ru_utime + r.ru_stime
    return total


def measure(way, job, n):
    fn, afn = JOBS[job]
    args = [n] * TASKS
    c0, t0 = cpu_seconds(), time.perf_counter()
    out = WAYS[way](afn if way == "asyncio" else fn, args)
    wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    assert out == [0] * TASKS, out
    return {"wall_s": round(wall, 4), "cpu_s": round(cpu, 4)}


def main():
    n = 4_000_000
    args = iter(sys.argv[1:])
    for a in args:
        if a == "--quick":
            n = 20_000
        elif a == "-n":
            n = int(next(args))
        else:
            sys.exit(f"models.py: unknown argument {a!r}")
    res = {}
    for job in JOBS:
        for way in WAYS:
            r = measure(way, job, n)
            res[f"{job} {way}"] = r
            print(f"job={job} way={way} wall={r['wall_s']:.3f}s cpu={r['cpu_s']:.3f}s", flush=True)
    report("models", n=n, cpus=os.cpu_count(), times=res)


if __name__ == "__main__":
    main()
