"""The convoy effect: an echo thread, alone and beside a CPU-bound thread.

    gilpy [-X gil=POLICY] [-X giltrace=convoy.svg] examples/gil/convoy.py [ROUNDS] [SECONDS]

A client process (forked before any thread starts, so it never waits for
this process's GIL) writes one byte into a pipe; the "echo" thread of this
process reads it and writes it back through a second pipe; the client reads
the answer: one round trip.  The echo thread spends nearly all its time
blocked in os.read, without the GIL.

Alone, a round trip costs microseconds.  Beside a thread that only computes,
every return from os.read must get the GIL back from the CPU-bound thread.
Under CPython's algorithm (`interval`) that takes a whole switch interval
(5 ms) each time: the convoy effect of bpo-7946.  `ioprio` lets a thread
back from I/O preempt the CPU-bound one at once.  Each measurement stops
after ROUNDS round trips or SECONDS seconds.  Runs under python3 too.
"""
import os
import sys
import threading
import time

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
SECONDS = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0

stop = False
cpu = None


def spin():
    while not stop:
        pass


def echo(rfd, wfd):
    """The server: echo bytes; 'c' starts the CPU-bound thread, 'q' ends."""
    global cpu, stop
    while True:
        b = os.read(rfd, 1)
        if b == b"c":
            cpu = threading.Thread(target=spin, name="cpu")
            cpu.start()
        elif not b or b == b"q":
            stop = True
            return
        os.write(wfd, b)


def rounds(wfd, rfd):
    """The client: mean seconds per round trip, and how many were made."""
    n = 0
    t0 = time.perf_counter()
    deadline = t0 + SECONDS
    while n < ROUNDS and (n % 8 or time.perf_counter() < deadline):
        os.write(wfd, b"x")
        os.read(rfd, 1)
        n += 1
    return (time.perf_counter() - t0) / n, n


def client(wfd, rfd):
    alone, n_alone = rounds(wfd, rfd)
    os.write(wfd, b"c")                  # start the CPU-bound thread
    os.read(rfd, 1)
    time.sleep(0.02)
    beside, n_beside = rounds(wfd, rfd)
    os.write(wfd, b"q")
    print(f"policy={policy()} alone={alone * 1e6:.1f}us ({n_alone} rounds) "
          f"beside_cpu={beside * 1e6:.1f}us ({n_beside} rounds) ratio={beside / alone:.1f}", flush=True)


def policy():
    try:
        import gil
        return gil.policy()
    except ImportError:
        return "cpython"


def main():
    to_echo_r, to_echo_w = os.pipe()
    from_echo_r, from_echo_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(to_echo_r)
        os.close(from_echo_w)
        client(to_echo_w, from_echo_r)
        os._exit(0)
    os.close(to_echo_w)
    os.close(from_echo_r)
    server = threading.Thread(target=echo, args=(to_echo_r, from_echo_w), name="echo")
    server.start()
    server.join()
    if cpu is not None:
        cpu.join()
    os.waitpid(pid, 0)


main()
