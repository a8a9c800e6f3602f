"""Hand-offs between two threads: a ping-pong through a Condition, then
through a pair of Locks, then through a pair of Events, N times each.

Checksum on stdout, measurement on stderr:
`thread_handoff: condition X/s, lock Y/s, event Z/s`.
"""
import sys
import threading
import time

N = 20_000


def condition_pingpong(n):
    cond = threading.Condition()
    state = [0]

    def player(parity):
        with cond:
            for _ in range(n):
                while state[0] % 2 != parity:
                    cond.wait()
                state[0] += 1
                cond.notify()

    t = threading.Thread(target=player, args=(1,))
    t.start()
    player(0)
    t.join()
    return state[0]


def lock_pingpong(n):
    a, b = threading.Lock(), threading.Lock()
    a.acquire()
    b.acquire()
    count = [0]

    def pong():
        for _ in range(n):
            a.acquire()
            count[0] += 1
            b.release()

    t = threading.Thread(target=pong)
    t.start()
    for _ in range(n):
        a.release()
        b.acquire()
    t.join()
    return count[0]


def event_pingpong(n):
    ping, pong = threading.Event(), threading.Event()
    count = [0]

    def ponger():
        for _ in range(n):
            ping.wait()
            ping.clear()
            count[0] += 1
            pong.set()

    t = threading.Thread(target=ponger)
    t.start()
    for _ in range(n):
        ping.set()
        pong.wait()
        pong.clear()
    t.join()
    return count[0]


def rate(fn):
    t0 = time.perf_counter()
    r = fn(N)
    return r, N / (time.perf_counter() - t0)


def main():
    rc, c = rate(condition_pingpong)
    rl, l = rate(lock_pingpong)
    re_, e = rate(event_pingpong)
    print('hand-offs', rc, rl, re_)
    print(f'thread_handoff: condition {c:.0f}/s, lock {l:.0f}/s, event {e:.0f}/s', file=sys.stderr)


if __name__ == '__main__':
    main()
