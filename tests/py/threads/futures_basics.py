# concurrent.futures: submit/result/exception, map, Future states and repr,
# callbacks, worker names, initializer, shutdown.
import concurrent.futures as cf
import threading

def square(x):
    return x * x

def fail(x):
    raise ValueError(f'bad {x}')

def future_repr(f):
    return repr(f).replace(hex(id(f)), '0x...')

with cf.ThreadPoolExecutor(max_workers=2) as ex:
    f = ex.submit(square, 7)
    print(f.result(), f.done(), f.running(), f.cancelled(), f.exception())
    print(future_repr(f))
    g = ex.submit(fail, 1)
    print(type(g.exception()).__name__, g.exception())
    try:
        g.result()
    except ValueError as e:
        print('result raised', e)
    print(future_repr(g))
    print(list(ex.map(square, range(6))))
    print(list(ex.map(pow, [2, 3, 4], [5, 2, 1])))
    print(ex.submit(lambda *a, **k: (a, k), 1, 2, x=3).result())
    it = ex.map(fail, [1, 2])
    try:
        next(it)
    except ValueError as e:
        print('map raised', e)

names = set()
def record_name():
    names.add(threading.current_thread().name)
with cf.ThreadPoolExecutor(max_workers=1) as ex:
    for _ in range(3):
        ex.submit(record_name).result()
with cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix='pool') as ex:
    ex.submit(record_name).result()
print(sorted(names))

f = cf.Future()
print(future_repr(f), f.done(), f.running())
calls = []
f.add_done_callback(lambda fut: calls.append(('cb1', fut.result())))
print(f.set_running_or_notify_cancel(), future_repr(f), f.running(), f.cancel())
f.set_result([1])
f.add_done_callback(lambda fut: calls.append(('cb2', fut.done())))
print(calls, future_repr(f))
try:
    f.set_result(2)
except cf.InvalidStateError as e:
    print('InvalidStateError', str(e).replace(hex(id(f)), '0x...'))

c = cf.Future()
c.add_done_callback(lambda fut: calls.append(('cancelled cb', fut.cancelled())))
print(c.cancel(), c.cancel(), c.cancelled(), c.done(), future_repr(c), calls[-1])
for fn in (c.result, c.exception):
    try:
        fn()
    except cf.CancelledError as e:
        print('CancelledError', repr(e))
print(c.set_running_or_notify_cancel(), future_repr(c))

e = cf.Future()
e.set_exception(KeyError('k'))
print(future_repr(e), repr(e.exception()))
p = cf.Future()
for fn in (lambda: p.result(timeout=0.01), lambda: p.exception(0)):
    try:
        fn()
    except cf.TimeoutError as err:
        print('TimeoutError', repr(err), cf.TimeoutError is TimeoutError)

inits = []
def init(tag):
    inits.append(tag)
with cf.ThreadPoolExecutor(max_workers=2, initializer=init, initargs=('x',)) as ex:
    print(ex.submit(len, 'abc').result())
print(set(inits))

ex = cf.ThreadPoolExecutor(max_workers=2)
ex.submit(square, 2).result()
ex.shutdown()
try:
    ex.submit(square, 3)
except RuntimeError as err:
    print('RuntimeError', err)
for bad in (lambda: cf.ThreadPoolExecutor(0), lambda: cf.ThreadPoolExecutor(-1)):
    try:
        bad()
    except ValueError as err:
        print('ValueError', err)
try:
    cf.ThreadPoolExecutor(initializer=5)
except TypeError as err:
    print('TypeError', err)
import os
print(cf.ThreadPoolExecutor()._max_workers == min(32, (os.cpu_count() or 1) + 4))
print(issubclass(cf.BrokenExecutor, RuntimeError), issubclass(cf.CancelledError, cf.InvalidStateError.__mro__[1]))
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)
