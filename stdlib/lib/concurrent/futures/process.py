"""concurrent.futures.process: ProcessPoolExecutor (gilpy).

Design: a multiprocessing Pool (one pipe pair per worker, one handler thread)
runs the calls; each submit() is an apply_async whose callbacks complete a
Future.  As in CPython, a worker that dies abruptly breaks the executor:
every pending future fails with BrokenProcessPool and later submits raise it.
"""

import os
import threading
from concurrent.futures import _base
from multiprocessing import pool as _pool

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']


class BrokenProcessPool(_base.BrokenExecutor):
    """A worker process terminated abruptly while the future was running or pending."""


_BROKEN_MSG = ('A process in the process pool was terminated abruptly while the '
               'future was running or pending.')


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
