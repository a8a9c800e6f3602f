import _start_method
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
import os
def sq(x): return x * x
def boom(x): raise ValueError('bad %d' % x)
def die(x): os._exit(1)

if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(ex.submit(sq, 5).result())
        print(list(ex.map(sq, range(6))))
        f = ex.submit(boom, 3)
        print(repr(f.exception()))
        print(sorted(f.result() for f in as_completed([ex.submit(sq, i) for i in range(4)])))
    ex = ProcessPoolExecutor(2)
    f = ex.submit(die, 1)
    try: f.result()
    except BrokenProcessPool as e: print('BrokenProcessPool:', e)
    try: ex.submit(sq, 1)
    except BrokenProcessPool as e: print('broken submit')
    ex.shutdown()
    print('done')
