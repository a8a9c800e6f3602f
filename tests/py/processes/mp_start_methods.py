# The three start methods through contexts: each runs a Process, a Queue, a
# Lock, a Pool and an executor; set_start_method/get_start_method's rules.
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor


def square(x):
    return x * x


def child(q, lock, value):
    with lock:
        q.put((mp.current_process().name, mp.parent_process().pid == value, square(value)))


if __name__ == '__main__':
    print(mp.get_all_start_methods())
    print(mp.get_start_method(allow_none=True))
    for method in ('fork', 'spawn', 'forkserver'):
        ctx = mp.get_context(method)
        q, lock = ctx.Queue(), ctx.Lock()
        p = ctx.Process(target=child, args=(q, lock, os.getpid()), name='c-' + method)
        print(method, type(p).__name__, ctx.get_start_method())
        p.start()
        name, parent_ok, sq = q.get(timeout=60)
        p.join()
        print(' ', name, parent_ok, sq == os.getpid() ** 2, p.exitcode)
        with ctx.Pool(2) as pool:
            print(' ', pool.map(square, range(6)))
        with ProcessPoolExecutor(2, mp_context=ctx) as ex:
            print(' ', list(ex.map(square, range(4))))
    print(mp.get_start_method(allow_none=True))     # the Pool fixed the default
    mp.set_start_method('spawn', force=True)
    print(mp.get_start_method())
    try:
        mp.set_start_method('fork')
    except RuntimeError as e:
        print('RuntimeError', e)
    mp.set_start_method('forkserver', force=True)
    print(mp.get_start_method(), type(mp.Process()).__name__)
    try:
        mp.get_context('thread')
    except ValueError as e:
        print('ValueError', e)
    try:
        mp.set_start_method('nonsense', force=True)
    except ValueError as e:
        print('ValueError', e)
