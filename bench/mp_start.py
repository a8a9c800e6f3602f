"""Process start+join: N children started and joined one after another.

Prints a checksum on stdout (same under every interpreter, for bench/run.py)
and the measurement on stderr: `mp_start: X.XXX ms per process`.
"""
import multiprocessing as mp
import sys
import time

N = 200


def child():
    pass


def main():
    t0 = time.perf_counter()
    codes = 0
    for _ in range(N):
        p = mp.Process(target=child)
        p.start()
        p.join()
        codes += p.exitcode
    dt = time.perf_counter() - t0
    print('processes', N, 'exitcodes', codes)
    print(f'mp_start: {dt / N * 1000:.3f} ms per process', file=sys.stderr)


if __name__ == '__main__':
    main()
