"""ThreadPoolExecutor: CPython 3.11's thread pool (gilpy).

Design: submit() wraps the call in a _WorkItem with its Future and puts it
on a SimpleQueue shared by the workers; a new worker thread (named
PREFIX_N) is started per submit unless an idle one is available (counted by
`_idle_semaphore`, released by a worker each time it finishes an item) or
max_workers are running.  A None on the queue asks a worker to check for
shutdown; a worker that exits puts the None back so its siblings exit too.
At interpreter exit `_python_exit`, registered with threading's internal
atexit list, wakes every worker and joins it before non-daemon threads are
joined.  Workers hold their executor strongly (gilpy has no weakref), so an
executor that is never shut down lives until the interpreter exits.
"""

import itertools
import os
import queue
import threading

from concurrent.futures import _base

_threads_queues = {}      # live worker Thread -> its executor's work queue
_shutdown = False
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)


class _WorkItem:
    """A submitted call and the Future that receives its outcome."""

    __class_getitem__ = classmethod(type(list[int]))   # types.GenericAlias

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            # Break a reference cycle with the exception 'exc'
            self = None
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    try:
        if initializer is None or _initialize(executor, initializer, initargs):
            _work_loop(executor, work_queue)
    except BaseException:
        _base._log_exception('Exception in worker')
    finally:
        _threads_queues.pop(threading.current_thread(), None)


def _initialize(executor, initializer, initargs):
    # Run the initializer; on failure break the pool and return False.
    try:
        initializer(*initargs)
        return True
    except BaseException:
        _base._log_exception('Exception in initializer:')
        executor._initializer_failed()
        return False


def _work_loop(executor, work_queue):
    while True:
        work_item = work_queue.get(block=True)
        if work_item is not None:
            work_item.run()
            del work_item
            executor._idle_semaphore.release()
            continue
        if _shutdown or executor._shutdown:
            executor._shutdown = True
            work_queue.put(None)    # wake up the next worker
            return


class BrokenThreadPool(_base.BrokenExecutor):
    """
    Raised when a worker thread in a ThreadPoolExecutor failed initializing.
    """


class ThreadPoolExecutor(_base.Executor):
    """An Executor that runs each call in one of a pool of threads."""

    # Used to assign unique thread names when thread_name_prefix is not supplied.
    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        """Initializes a new ThreadPoolExecutor instance.

        max_workers defaults to min(32, os.cpu_count() + 4).
        """
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = _base.Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def _adjust_thread_count(self):
        # If idle threads are available, don't spin new threads.
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self, num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self, self._work_queue,
                                       self._initializer, self._initargs))
            _threads_queues[t] = self._work_queue
            t.start()
            self._threads.add(t)

    def _drain_work_queue(self, settle):
        # Take every pending work item off the queue and settle its future.
        while True:
            try:
                work_item = self._work_queue.get_nowait()
            except queue.Empty:
                break
            if work_item is not None:
                settle(work_item.future)

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            self._drain_work_queue(
                lambda f: f.set_exception(BrokenThreadPool(self._broken)))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                self._drain_work_queue(lambda f: f.cancel())
            # Send a wake-up to prevent threads calling
            # _work_queue.get(block=True) from permanently blocking.
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
