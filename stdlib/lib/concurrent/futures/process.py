"""concurrent.futures.process: ProcessPoolExecutor (gilpy).

Design: a multiprocessing Pool (one pipe pair per worker, one handler thread)
runs the calls; each submit() is an apply_async whose callbacks complete a
Future.  As in CPython, a worker that dies abruptly breaks the executor:
every pending future fails with BrokenProcessPool and later submits raise it.
map() sends chunks of chunksize calls as one task each, as CPython's does.
"""

import itertools
import os
import threading
from concurrent.futures import _base
from multiprocessing import pool as _pool

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']


class BrokenProcessPool(_base.BrokenExecutor):
    """A worker process terminated abruptly while the future was running or pending."""


_BROKEN_MSG = ('A process in the process pool was terminated abruptly while the '
               'future was running or pending.')


def _get_chunks(*iterables, chunksize):
    """Tuples of chunksize argument tuples (CPython's)."""
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


def _chain_from_iterable_of_lists(iterable):
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


class _ExecutorPool(_pool.Pool):
    def __init__(self, executor, *args):
        self._executor = executor
        _pool.Pool.__init__(self, *args)

    def _lost(self, w):
        self._state = _pool.TERMINATE
        w.job = None
        self._executor._broken_now()
        _pool.Pool._lost(self, w)


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._lock = threading.Lock()
        self._futures = set()
        self._broken = False
        self._shutdown = False
        self._pool = _ExecutorPool(self, max_workers, initializer, initargs)

    def _broken_now(self):
        with self._lock:
            self._broken = _BROKEN_MSG
            futures, self._futures = self._futures, set()
        for f in futures:
            if not f.done():
                f.set_exception(BrokenProcessPool(_BROKEN_MSG))

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = _base.Future()
            self._futures.add(f)
        f.set_running_or_notify_cancel()

        def done(value, f=f):
            with self._lock:
                self._futures.discard(f)
            if not f.done():
                f.set_result(value)

        def failed(exc, f=f):
            with self._lock:
                self._futures.discard(f)
            if not f.done():
                f.set_exception(exc)
        self._pool.apply_async(fn, args, kwargs, callback=done, error_callback=failed)
        return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter); the calls are sent
        to the workers chunksize at a time."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        results = super().map(_process_chunk, itertools.repeat(fn),
                              _get_chunks(*iterables, chunksize=chunksize), timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._shutdown = True
        if wait:
            for f in list(self._futures):
                try:
                    f.exception()
                except BaseException:
                    pass
        if self._pool._state == _pool.RUN:
            self._pool.close()
        if wait:
            self._pool.join()
