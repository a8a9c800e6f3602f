# concurrent.futures.wait and as_completed, with timeouts; map timeout;
# shutdown(cancel_futures=True); a broken pool after a failing initializer.
import concurrent.futures as cf
import threading

gate = threading.Event()
def blocked(x):
    gate.wait(10)
    return x

def quick(x):
    return x * 10

def fail():
    raise OSError('nope')

with cf.ThreadPoolExecutor(max_workers=4) as ex:
    fast = ex.submit(quick, 1)
    slow = ex.submit(blocked, 2)
    fast.result()
    done, not_done = cf.wait([fast, slow], return_when=cf.FIRST_COMPLETED)
    print(done == {fast}, not_done == {slow})
    done, not_done = cf.wait([fast, slow], timeout=0.01)
    print(len(done), len(not_done))
    bad = ex.submit(fail)
    res = cf.wait([slow, bad], return_when=cf.FIRST_EXCEPTION)
    print(res.done == {bad}, res.not_done == {slow}, type(res).__name__)
    try:
        for f in cf.as_completed([fast, slow], timeout=0.05):
            print('completed', f.result())
    except cf.TimeoutError as e:
        print('TimeoutError', e)
    try:
        list(ex.map(blocked, [1, 2], timeout=0.01))
    except cf.TimeoutError as e:
        print('map TimeoutError', repr(e))
    gate.set()
    done, not_done = cf.wait([fast, slow, bad])
    print(len(done), len(not_done))
    fs = [ex.submit(quick, i) for i in range(10)]
    print(sorted(f.result() for f in cf.as_completed(fs)))
    print(sorted(f.result() for f in cf.as_completed(fs + fs)))
print(cf.wait([], timeout=0))

gate.clear()
ex = cf.ThreadPoolExecutor(max_workers=1)
first = ex.submit(blocked, 'first')
rest = [ex.submit(quick, i) for i in range(5)]
ex.shutdown(wait=False, cancel_futures=True)
gate.set()
print(first.result(), [f.cancelled() for f in rest])
ex.shutdown()

def bad_init():
    raise RuntimeError('init failed')
ex = cf.ThreadPoolExecutor(max_workers=1, initializer=bad_init)
f = ex.submit(quick, 1)
try:
    f.result(timeout=5)
except cf.BrokenExecutor as e:
    print(type(e).__name__, e)
try:
    ex.submit(quick, 2)
except cf.BrokenExecutor as e:
    print('submit:', type(e).__name__)
ex.shutdown()
