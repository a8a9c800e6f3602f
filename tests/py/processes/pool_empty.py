# Empty input to pools (and chunksize edge cases): the results are CPython's
# ([] for an empty input; [None] * len for map with chunksize <= 0, without a
# callback), and the pool then closes and joins without hanging.
import _start_method
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

def f(x): return x
def g(a, b): return a + b
def cb(v): print('callback', v)
def ecb(v): print('error_callback', type(v).__name__, v)

if __name__ == '__main__':
    pool = mp.Pool(2)
    print(pool.map(f, []), pool.starmap(g, []), pool.map(f, ()), pool.map(f, iter([])))
    r = pool.map_async(f, [], callback=cb, error_callback=ecb)
    print(r.get(), r.ready(), r.successful())
    r = pool.starmap_async(g, [], callback=cb)
    print(r.get(timeout=5), r.ready())
    print(list(pool.imap(f, [])), list(pool.imap_unordered(f, [])))
    print(list(pool.imap(f, [], 3)), list(pool.imap_unordered(f, iter([]), 2)))
    it = pool.imap(f, [])
    print(type(it).__name__, type(pool.imap_unordered(f, [])).__name__)
    try:
        it.next(timeout=1)
    except StopIteration:
        print('StopIteration at once')
    # chunksize: map with 0 or less gives [None] * len at once (CPython's);
    # imap refuses it; None picks one; a big one is one chunk.
    for cs in (0, -1):
        r = pool.map_async(f, [1, 2], cs, callback=cb)
        print('map_async', cs, r.get(timeout=5))
        print('map', cs, pool.map(f, [1, 2, 3], cs), 'starmap', pool.starmap(g, [(1, 2)], cs))
        for name in ('imap', 'imap_unordered'):
            try:
                getattr(pool, name)(f, [1, 2], cs)
            except ValueError as e:
                print(name, cs, 'ValueError:', e)
    print(pool.map(f, range(5), 2), pool.map(f, 'abc', 10), pool.map(f, range(7), None))
    print(type(pool.imap(f, [], 2)).__name__, list(pool.imap(f, range(5), 2)))
    print(sorted(pool.imap_unordered(f, range(5), 3)))
    r = pool.map_async(f, [1, 2], 1, callback=cb)
    print(r.get(timeout=5))
    print(pool.map(f, []), pool.apply(g, (1, 2)))
    pool.close()
    for name, args in (('map', (f, [])), ('starmap', (g, [])), ('apply_async', (f, (1,))),
                       ('imap', (f, [])), ('map_async', (f, []))):
        try:
            getattr(pool, name)(*args)
        except ValueError as e:
            print('after close:', name, 'ValueError:', e)
    pool.join()
    print('joined after close')

    pool = mp.Pool(1)
    print(pool.map(f, []))
    pool.terminate()
    pool.join()
    print('joined after terminate')
    with mp.Pool(1) as p:
        print(p.map(f, []), list(p.imap(f, [])), p.starmap(g, [(1, 2)]))
        try:
            p.map(f, [1], '2')
        except TypeError as e:
            print('chunksize str: TypeError:', e)
    for n in (0, -1):
        for make in (mp.Pool, mp.get_context('fork').Pool):
            try:
                make(n)
            except ValueError as e:
                print('Pool(%d):' % n, e)
    try:
        mp.Pool(1, maxtasksperchild=0)
    except ValueError as e:
        print(e)

    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(f, [])), list(ex.map(g, [], [])), list(ex.map(f, [], chunksize=3)))
        print(list(ex.map(f, range(4), chunksize=3)), list(ex.map(g, [1, 2, 3], [10, 20], chunksize=2)))
        print(list(ex.map(f, iter([]), timeout=5)))
        for cs in (0, -2):
            try:
                ex.map(f, [1], chunksize=cs)
            except ValueError as e:
                print('executor chunksize', cs, 'ValueError:', e)
    ex = ProcessPoolExecutor(1)
    print(list(ex.map(f, [])))
    ex.shutdown()
    print('executor shut down')
    for n in (0, -1):
        try:
            ProcessPoolExecutor(n)
        except ValueError as e:
            print('ProcessPoolExecutor(%d):' % n, e)
    print('done')
