import _start_method
import multiprocessing as mp, os, time
def sq(x): return x * x
def add(a, b): return a + b
def bad(x):
    if x == 3: raise KeyError('three')
    return x
def die(x):
    if x == 2: os._exit(7)
    return x
def init(v): global G; G = v
def getg(_): return G

if __name__ == '__main__':
    with mp.Pool(3) as pool:
        print(pool.map(sq, range(10)))
        print(pool.apply(add, (2, 3)))
        r = pool.apply_async(sq, (7,), callback=lambda v: print('cb', v)); print(r.get(5), r.ready(), r.successful())
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        print(list(pool.imap(sq, range(5))), sorted(pool.imap_unordered(sq, range(5))))
        print(pool.map_async(sq, [1, 2], chunksize=1).get())
        try: pool.map(bad, range(5))
        except KeyError as e: print('KeyError', e)
        r = pool.apply_async(bad, (3,), error_callback=lambda e: print('ecb', repr(e))); r.wait(); print(r.successful())
        try: pool.map(lambda x: x, [1])
        except Exception as e: print(type(e).__name__)
        print(pool.map(sq, range(4)))
    p = mp.Pool(2, initializer=init, initargs=(5,))
    print(p.map(getg, range(3))); p.close(); p.join(); print('joined')
