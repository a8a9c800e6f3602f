"""The switch-interval sweep: echo requests per second beside CPU-bound threads.

    gilpy [-X gil=POLICY] examples/gil/sweep.py [--quick] [--seconds S]
          [--intervals 1e-05,0.0001,...] [--cpu 0,1,2,4]

A client process (forked before any thread starts, so it never waits for
this process's GIL) sends one byte through a pipe and waits for the answer,
as fast as it can, for S seconds (0.75 s in 5 windows: the median window's
rate counts); the main thread of this process echoes each byte back.  The echo thread is I/O-bound: it holds the GIL only for a
few bytecodes per request and spends the rest of its time blocked in
os.read.  Beside it run 0, 1, 2 or 4 threads that only compute, and the
switch interval (sys.setswitchinterval) goes from 10 us to 50 ms.

Each time the echo thread comes back from os.read it needs the GIL, which a
CPU-bound thread holds: under CPython's algorithm it waits up to one switch
interval, so the request rate falls as the interval grows - roughly
1/interval requests per second.  Prints one line per point and a last line
`RESULT {...}` (a Python literal) for tools/gil_experiments.py.  Runs under
python3 too.
"""
import os
import sys
import threading
import time

from _lab import report

INTERVALS = [1e-5, 1e-4, 1e-3, 5e-3, 2e-2, 5e-2]
CPU_THREADS = [0, 1, 2, 4]
WINDOWS = 5

stop = False


def spin():
    while not stop:
        pass


def window(req_w, resp_r, seconds):
    """Round trips for `seconds`: requests per second."""
    n = 0
    t0 = time.perf_counter()
    deadline = t0 + seconds
    while n % 4 or time.perf_counter() < deadline:
        os.write(req_w, b"x")
        os.read(resp_r, 1)
        n += 1
    return n / (time.perf_counter() - t0)


def client(ctl_r, req_w, resp_r, res_w, seconds):
    """Per point: wait for 'g', make round trips for `seconds` in WINDOWS
    windows, report the median rate (one window in which the OS kept either
    process off the CPU does not decide the point)."""
    while os.read(ctl_r, 1) == b"g":
        rates = sorted(window(req_w, resp_r, seconds / WINDOWS) for _ in range(WINDOWS))
        os.write(req_w, b"e")
        os.write(res_w, b"%f\n" % rates[WINDOWS // 2])
    os._exit(0)


def serve(req_r, resp_w):
    """Echo until the client says the point is over."""
    while True:
        b = os.read(req_r, 1)
        if b != b"x":
            return
        os.write(resp_w, b)


def read_line(fd):
    buf = b""
    while not buf.endswith(b"\n"):
        buf += os.read(fd, 64)
    return buf


def point(pipes, n_cpu, seconds):
    """Requests per second served with n_cpu spinning threads beside."""
    global stop
    ctl_w, req_r, resp_w, res_r = pipes
    stop = False
    spinners = [threading.Thread(target=spin, name=f"cpu-{i}") for i in range(n_cpu)]
    for t in spinners:
        t.start()
    time.sleep(0.01)
    os.write(ctl_w, b"g")
    serve(req_r, resp_w)
    rate = float(read_line(res_r))
    stop = True
    for t in spinners:
        t.join()
    return rate


def parse(argv):
    opts = {"seconds": 0.75, "intervals": INTERVALS, "cpu": CPU_THREADS}
    args = iter(argv)
    for a in args:
        if a == "--quick":
            opts.update(seconds=0.05, intervals=[1e-4, 5e-3], cpu=[0, 1])
        elif a == "--seconds":
            opts["seconds"] = float(next(args))
        elif a == "--intervals":
            opts["intervals"] = [float(x) for x in next(args).split(",")]
        elif a == "--cpu":
            opts["cpu"] = [int(x) for x in next(args).split(",")]
        else:
            sys.exit(f"sweep.py: unknown argument {a!r}")
    return opts


def main():
    opts = parse(sys.argv[1:])
    ctl_r, ctl_w = os.pipe()
    req_r, req_w = os.pipe()
    resp_r, resp_w = os.pipe()
    res_r, res_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        client(ctl_r, req_w, resp_r, res_w, opts["seconds"])
    for fd in (ctl_r, req_w, resp_r, res_w):
        os.close(fd)
    rates = {}
    for interval in opts["intervals"]:
        sys.setswitchinterval(interval)
        for n_cpu in opts["cpu"]:
            r = point((ctl_w, req_r, resp_w, res_r), n_cpu, opts["seconds"])
            rates[f"{interval:g} {n_cpu}"] = round(r, 1)
            print(f"interval={interval * 1e3:g}ms cpu_threads={n_cpu} requests_per_s={r:.0f}", flush=True)
    os.write(ctl_w, b"q")
    os.waitpid(pid, 0)
    report("sweep", rates=rates)


main()
