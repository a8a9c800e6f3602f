# test: timeout=60, skip-gc-stress
# Starting children must not leak file descriptors in the parent (there are no
# finalizers in gilpy to close them later, and RLIMIT_NOFILE is finite): many
# Processes, Pools, Managers and executors in a row leave the fd count where it
# was, give or take what CPython keeps until its garbage collector runs.  A
# reaped child's sentinel stays usable (always ready) until close().  (It starts
# some 100 processes: minutes under gc_stress, which finds nothing more here.)
import multiprocessing as mp, os
from multiprocessing.connection import wait
from concurrent.futures import ProcessPoolExecutor

def f(x): return x
def nfds(): return len(os.listdir('/proc/self/fd'))

if __name__ == '__main__':
    base = nfds()
    for i in range(40):
        p = mp.Process(target=f, args=(1,))
        p.start()
        p.join()
    print('processes:', nfds() - base <= 4)
    s = p.sentinel
    print('dead sentinel ready:', wait([s], 5) == [s], wait([s], 0) == [s], p.exitcode)
    p.close()
    try:
        p.sentinel
    except ValueError as e:
        print('closed:', e)
    ps = [mp.Process(target=f, args=(1,)) for _ in range(5)]
    for p in ps:
        p.start()
    while ps:
        for s in wait([p.sentinel for p in ps], 10):
            p = [p for p in ps if p.sentinel == s][0]
            p.join()
            ps.remove(p)
    print('waited for 5 sentinels:', nfds() - base <= 6)

    base = nfds()
    for i in range(8):
        with mp.Pool(2) as pool:
            pool.map(f, [1])
    for i in range(8):
        pool = mp.Pool(2)
        pool.map(f, [1])
        pool.close()
        pool.join()
    print('pools:', nfds() - base <= 12)

    base = nfds()
    for i in range(6):
        with mp.Manager() as m:
            d = m.dict()
            d[1] = 2
    print('managers:', nfds() - base <= 4)

    base = nfds()
    for i in range(6):
        with ProcessPoolExecutor(2) as ex:
            list(ex.map(f, [1, 2]))
    print('executors:', nfds() - base <= 4)
    p = mp.Process(target=f, args=(1,))
    p.start()
    p.join()
    print('children left:', mp.active_children())
