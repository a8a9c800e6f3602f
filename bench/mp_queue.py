"""Queue throughput: one child puts N small items, the parent gets them.

Times from start() to the last get() (child start included, N large enough
that it does not matter).  Checksum on stdout, measurement on stderr:
`mp_queue: X items/s`.
"""
import multiprocessing as mp
import sys
import time

N = 200_000


def producer(q, n):
    for i in range(n):
        q.put(i)


def main():
    q = mp.Queue()
    t0 = time.perf_counter()
    p = mp.Process(target=producer, args=(q, N))
    p.start()
    total = 0
    for _ in range(N):
        total += q.get()
    dt = time.perf_counter() - t0
    p.join()
    print('items', N, 'sum', total)
    print(f'mp_queue: {N / dt:.0f} items/s', file=sys.stderr)


if __name__ == '__main__':
    main()
