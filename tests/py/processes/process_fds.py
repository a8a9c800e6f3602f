# test: timeout=60, skip-gc-stress
# Starting children must not leak file descriptors in the parent (RLIMIT_NOFILE
# is finite): many Processes, Pools, Managers and executors in a row leave the
# fd count where it was once they are unreachable.  multiprocessing closes a
# finished child's fds in finalizers (util.Finalize): CPython runs them when the
# last reference goes, gilpy (no reference counts) when the collector finds the
# object unreachable, hence gc.collect() before counting (twice: a Pool's
# finalizer releases its processes, whose own finalizers close their pipes in
# the next collection), and each batch in a function of its own (gilpy scans
# stacks conservatively: a slot of a running frame may still hold the last
# object it used).  A reaped child's sentinel
# stays usable until close().  (It starts some 100 processes: minutes under
# gc_stress, which finds nothing more here.)
import _start_method
import gc, multiprocessing as mp, os
from multiprocessing.connection import wait
from concurrent.futures import ProcessPoolExecutor

def f(x): return x

def nfds():
    gc.collect()
    gc.collect()
    return len(os.listdir('/proc/self/fd'))

def processes():
    for i in range(40):
        p = mp.Process(target=f, args=(1,))
        p.start()
        p.join()

def sentinels():
    p = mp.Process(target=f, args=(1,))
    p.start()
    p.join()
    s = p.sentinel
    print('dead sentinel ready:', wait([s], 5) == [s], wait([s], 0) == [s], p.exitcode)
    p.close()
    try:
        p.sentinel
    except ValueError as e:
        print('closed:', e)

def wait_for_five():
    ps = [mp.Process(target=f, args=(1,)) for _ in range(5)]
    for p in ps:
        p.start()
    while ps:
        for s in wait([p.sentinel for p in ps], 10):
            p = [p for p in ps if p.sentinel == s][0]
            p.join()
            ps.remove(p)

def pools():
    for i in range(8):
        with mp.Pool(2) as pool:
            pool.map(f, [1])
    for i in range(8):
        pool = mp.Pool(2)
        pool.map(f, [1])
        pool.close()
        pool.join()

def managers():
    for i in range(6):
        with mp.Manager() as m:
            d = m.dict()
            d[1] = 2

def executors():
    for i in range(6):
        with ProcessPoolExecutor(2) as ex:
            list(ex.map(f, [1, 2]))

if __name__ == '__main__':
    base = nfds()
    processes()
    print('processes:', nfds() - base <= 4)
    sentinels()
    wait_for_five()
    print('waited for 5 sentinels:', nfds() - base <= 6)
    for name, batch in [('pools', pools), ('managers', managers), ('executors', executors)]:
        base = nfds()
        batch()
        print(name + ':', nfds() - base <= 4)
    p = mp.Process(target=f, args=(1,))
    p.start()
    p.join()
    print('children left:', mp.active_children())
