"""Pool.map throughput on small items: N cheap calls in chunks, 2 workers.

Times the map only (the pool is started and warmed first).  Checksum on
stdout, measurement on stderr: `mp_pool_items: X items/s`.
"""
import multiprocessing as mp
import sys
import time

N = 200_000
CHUNK = 1_000


def square(x):
    return x * x


def main():
    with mp.Pool(2) as pool:
        pool.map(square, range(100))
        t0 = time.perf_counter()
        out = pool.map(square, range(N), chunksize=CHUNK)
        dt = time.perf_counter() - t0
    print('items', N, 'sum', sum(out))
    print(f'mp_pool_items: {N / dt:.0f} items/s', file=sys.stderr)


if __name__ == '__main__':
    main()
