"""Pipe round trips: the parent sends a small object to a child process over
a multiprocessing Pipe and waits for the child to send it back, N times.

Checksum on stdout, measurement on stderr: `mp_pipe: X round trips/s`.
"""
import multiprocessing as mp
import sys
import time

N = 20_000


def echo(conn):
    while True:
        obj = conn.recv()
        if obj is None:
            return
        conn.send(obj)


def main():
    parent, child = mp.Pipe()
    p = mp.Process(target=echo, args=(child,))
    p.start()
    parent.send((0, 'warm up'))
    parent.recv()
    total = 0
    t0 = time.perf_counter()
    for i in range(N):
        parent.send((i, 'payload'))
        total += parent.recv()[0]
    dt = time.perf_counter() - t0
    parent.send(None)
    p.join()
    print('round trips', N, 'sum', total)
    print(f'mp_pipe: {N / dt:.0f} round trips/s', file=sys.stderr)


if __name__ == '__main__':
    main()
