import _start_method
import multiprocessing as mp, time
from queue import Empty, Full
def adder(v, a, lock):
    for _ in range(200):
        with lock:
            v.value += 1
    a[0] = 42
def producer(q, n):
    for i in range(n):
        q.put(i)
def consumer(jq, out):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        out.put(item * 2)
        jq.task_done()
def waiter(e, q): q.put(e.wait(5))

if __name__ == '__main__':
    v = mp.Value('i', 0); a = mp.Array('d', [1.5, 2.5, 3.5]); lock = mp.Lock()
    ps = [mp.Process(target=adder, args=(v, a, lock)) for _ in range(4)]
    for x in ps: x.start()
    for x in ps: x.join()
    print(v.value, a[:], len(a), a[-1], a[0:2])
    with v.get_lock():
        v.value = 7
    print(v.value, mp.RawValue('d', 2.5).value, mp.RawArray('h', 3)[:], mp.Value('c', b'x').value)
    for tc in 'bBhHiIlLqQfd':
        arr = mp.Array(tc, [1, 2, 3]); arr[1] = 5; print(tc, list(arr), end='; ')
    print()
    q = mp.Queue(2); q.put(1); q.put(2)
    try: q.put(3, timeout=0.1)
    except Full: print('Full')
    print(q.qsize(), q.full(), q.get(), q.get(), q.empty())
    try: q.get(timeout=0.1)
    except Empty: print('Empty')
    try: q.get_nowait()
    except Empty: print('Empty nowait')
    q = mp.Queue()
    ps = [mp.Process(target=producer, args=(q, 500)) for _ in range(3)]
    for x in ps: x.start()
    got = sorted(q.get() for _ in range(1500))
    for x in ps: x.join()
    print(len(got), got[:3], got[-1])
    jq, out = mp.JoinableQueue(), mp.Queue()
    c = mp.Process(target=consumer, args=(jq, out)); c.start()
    for i in range(5): jq.put(i)
    jq.put(None); jq.join(); c.join()
    print(sorted(out.get() for _ in range(5)))
    sq = mp.SimpleQueue(); sq.put([1, 'a']); print(sq.empty(), sq.get(), sq.empty())
    e = mp.Event(); rq = mp.Queue()
    p = mp.Process(target=waiter, args=(e, rq)); p.start(); time.sleep(0.1); e.set(); print('event', rq.get(), e.is_set()); p.join()
    e.clear(); print(e.wait(0.05))
    s = mp.Semaphore(2); print(s.acquire(), s.acquire(), s.acquire(False)); s.release()
    r = mp.RLock(); r.acquire(); r.acquire(); r.release(); r.release(); print(r.acquire(False))
    bs = mp.BoundedSemaphore(1)
    try: bs.release()
    except ValueError as ex: print('ValueError')
