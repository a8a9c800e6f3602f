"""Pool.map of CPU-bound work on 2 processes against the same work sequentially.

Checksum on stdout, measurement on stderr: `mp_pool: seq S s, pool P s,
speedup X`.
"""
import multiprocessing as mp
import sys
import time

TASKS = 8
WORK = 3_000_000


def work(seed):
    acc = seed
    for i in range(WORK):
        acc = (acc * 31 + i) % 1000003
    return acc


def main():
    args = list(range(TASKS))
    t0 = time.perf_counter()
    seq = list(map(work, args))
    t_seq = time.perf_counter() - t0
    with mp.Pool(2) as pool:
        t0 = time.perf_counter()
        par = pool.map(work, args)
        t_par = time.perf_counter() - t0
    assert seq == par
    print('tasks', TASKS, 'checksum', sum(seq))
    print(f'mp_pool: seq {t_seq:.3f} s, pool {t_par:.3f} s, '
          f'speedup {t_seq / t_par:.2f}', file=sys.stderr)


if __name__ == '__main__':
    main()
