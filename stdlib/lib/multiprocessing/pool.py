"""multiprocessing.pool: Pool and AsyncResult (gilpy).

Design: each worker has its own pair of pipes; one handler thread in the
parent owns all of them.  It hands one task (a chunk) at a time to an idle
worker, so it always knows what each worker is running; it polls the result
pipes and resolves jobs.  A worker whose pipe reaches EOF died: its task
fails with a clear error (WorkerLostError) and, unless the pool is
terminating, a replacement worker is forked.  So unlike CPython's Pool a
killed worker never hangs the parent.  The parent's ends of a worker's pipes
(and the wake-up pipe) are private fds (_mp.pipe, stdlib/mod_mp.c): no worker
inherits them, so a worker sees EOF on its task pipe, and exits, as soon as
the parent is gone, even when the parent was killed.

A job is counted (_njobs) only once it has tasks: a map of an empty input, or
with a chunksize <= 0, is done at once with [None] * len(input) as CPython's
(so [] for an empty input), without a callback and without involving the
handler, and close()/join() then do not wait for it.
"""

import collections
import itertools
import os
import pickle
import threading
import _mp

from . import connection, process
from .context import TimeoutError

__all__ = ['Pool', 'ThreadPool', 'AsyncResult', 'WorkerLostError']

RUN, CLOSE, TERMINATE = 0, 1, 2


class WorkerLostError(Exception):
    """The worker running a task died (killed, os._exit)."""


def _mapstar(func, args):
    return [func(*a) for a in args]


def _mapone(func, args):
    return [func(a) for a in args]


def _worker_loop(tasks, results, initializer, initargs, maxtasks=None):
    """Run tasks until told to stop, until the parent is gone (EOF), or until
    maxtasks tasks are done (then the process exits and the pool starts a
    fresh worker in its place)."""
    if initializer is not None:
        initializer(*initargs)
    done = 0
    while maxtasks is None or done < maxtasks:
        done += 1
        try:
            data = tasks.recv_bytes()
        except EOFError:
            return
        task = pickle.loads(data)
        if task is None:
            return
        func, args = task
        try:
            reply = (True, func(*args))
        except Exception as e:
            reply = (False, e)
        try:
            out = pickle.dumps(reply)
        except Exception as e:
            out = pickle.dumps((False, RuntimeError('cannot send result: %s' % e)))
        try:
            results.send_bytes(out)
        except OSError:
            return          # the parent is gone


class _Worker:
    def __init__(self, pool):
        t_r, t_w = _mp.pipe()
        r_r, r_w = _mp.pipe()
        self.proc = pool._ctx_process(target=self._run, args=(pool, t_r, r_w), daemon=True)
        self.proc.name = self.proc.name.replace('Process', 'ForkPoolWorker')
        self.proc._keep_fds = (t_r, r_w)
        try:
            self.proc.start()
        except BaseException:
            for fd in (t_r, t_w, r_r, r_w):
                _mp.close(fd)
            raise
        _mp.close(t_r)
        _mp.close(r_w)
        self.tasks = connection.Connection(None, t_w, False, True)
        self.results = connection.Connection(r_r, None, True, False)
        self.job = None         # (job, index) running here
        self.done = 0           # tasks it finished (maxtasksperchild)

    def close(self):
        self.tasks.close()
        self.results.close()

    @staticmethod
    def _run(pool, t_r, r_w):
        # The pool's other fds are private: the fork closed them here.
        _worker_loop(connection.Connection(t_r, None, True, False),
                     connection.Connection(None, r_w, False, True),
                     pool._initializer, pool._initargs, pool._maxtasks)


class ApplyResult:
    """The result of an *_async call."""

    __class_getitem__ = classmethod(type(list[int]))   # types.GenericAlias

    def __init__(self, pool, ntasks, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._callback = callback
        self._error_callback = error_callback
        self._left = ntasks
        self._parts = [None] * ntasks
        self._success = True
        self._value = None

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _value_of(self, parts):
        return parts[0][0]

    def _set(self, index, ok, value):
        if self.ready():
            return
        if not ok:
            self._success = False
            self._value = value
            self._finish()
            return
        self._parts[index] = value
        self._left -= 1
        if self._left == 0:
            self._value = self._value_of(self._parts)
            self._finish()

    def _finish(self):
        if not self._success and self._value is None:
            self._value = RuntimeError('job failed')
        if self._success and self._callback:
            self._callback(self._value)
        if not self._success and self._error_callback:
            self._error_callback(self._value)
        self._event.set()
        self._pool._jobs_done()


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    def __init__(self, pool, ntasks, length, callback, error_callback):
        ApplyResult.__init__(self, pool, ntasks, callback, error_callback)
        if ntasks == 0:
            # CPython's: done at once, [None] * length, no callback.
            self._value = [None] * length
            self._event.set()

    def _value_of(self, parts):
        return [x for part in parts for x in part]


class IMapIterator:
    def __init__(self, pool, ntasks, ordered):
        self._pool = pool
        self._cond = threading.Condition()
        self._ready = {}
        self._items = collections.deque()
        self._next_index = 0
        self._left = ntasks
        self._ordered = ordered

    def _set(self, index, ok, value):
        with self._cond:
            part = [(ok, x) for x in value] if ok else [(False, value)]
            if self._ordered:
                self._ready[index] = part
                while self._next_index in self._ready:
                    self._items.extend(self._ready.pop(self._next_index))
                    self._next_index += 1
            else:
                self._items.extend(part)
            self._left -= 1
            self._cond.notify_all()
        if self._left == 0:
            self._pool._jobs_done()

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            if not self._items and self._left == 0 and not self._ready:
                raise StopIteration
            if not self._cond.wait_for(lambda: self._items or (self._left == 0 and not self._ready), timeout):
                raise TimeoutError
            if not self._items:
                raise StopIteration
            ok, value = self._items.popleft()
        if ok:
            return value
        raise value

    __next__ = next


class IMapUnorderedIterator(IMapIterator):
    pass


class Pool:
    """A pool of worker processes."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        self._maxtasks = maxtasksperchild
        from .context import Process
        self._ctx_process = Process
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._state = RUN
        self._lock = threading.Lock()
        self._pending = collections.deque()   # (job, index, func, args)
        self._njobs = 0
        self._wake_r, self._wake_w = _mp.pipe()
        self._workers = []
        for _ in range(processes):
            self._workers.append(_Worker(self))
        self._handler = threading.Thread(target=self._handle, name='PoolHandler', daemon=True)
        self._handler.start()

    # ---- submitting
    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _submit(self, job, tasks):
        """Queue a job's tasks (at least one) and count the job."""
        with self._lock:
            self._njobs += 1
            for i, (func, args) in enumerate(tasks):
                self._pending.append((job, i, func, args))
        self._wake()

    def _wake(self):
        fd = self._wake_w
        if fd is None:          # released: the handler is gone
            return
        try:
            os.write(fd, b'x')
        except OSError:
            pass

    def _jobs_done(self):
        with self._lock:
            self._njobs -= 1
        self._wake()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        job = ApplyResult(self, 1, callback, error_callback)
        if kwds:
            self._submit(job, [(_apply_kw, (func, args, kwds))])
        else:
            self._submit(job, [(_wrap1, (func, args))])
        return job

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    @staticmethod
    def _chunks(func, iterable, chunksize, star):
        """The tasks: func over chunks of chunksize items (CPython's _get_tasks)."""
        runner = _mapstar if star else _mapone
        it = iter(iterable)
        tasks = []
        while True:
            chunk = list(itertools.islice(it, chunksize))
            if not chunk:
                return tasks
            tasks.append((runner, (func, chunk)))

    def _map_async(self, func, iterable, chunksize, star, callback, error_callback):
        """CPython's order: the input as a list, the default chunksize, an
        empty input (or chunksize <= 0) done at once."""
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), self._processes * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        tasks = [] if chunksize <= 0 else self._chunks(func, iterable, chunksize, star)
        job = MapResult(self, len(tasks), len(iterable), callback, error_callback)
        if tasks:
            self._submit(job, tasks)
        return job

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, chunksize, False, callback, error_callback)

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, chunksize, False, None, None).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, chunksize, True, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, chunksize, True, None, None).get()

    def _imap(self, func, iterable, chunksize, ordered):
        """CPython's: chunksize 1 gives the iterator itself, a bigger one a
        generator over its chunks, a smaller one ValueError."""
        self._check_running()
        if chunksize != 1 and chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        tasks = self._chunks(func, iterable, chunksize, False)
        it = (IMapIterator if ordered else IMapUnorderedIterator)(self, len(tasks), ordered)
        if tasks:
            self._submit(it, tasks)
        if chunksize == 1:
            return it
        return (item for item in it)

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, True)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, False)

    # ---- the handler thread
    def _dispatch(self):
        for w in self._workers:
            if w.job is not None or (self._maxtasks is not None and w.done >= self._maxtasks):
                continue            # busy, or about to exit after its last task
            with self._lock:
                if not self._pending:
                    return
                job, index, func, args = self._pending.popleft()
            try:
                data = pickle.dumps((func, args))
            except Exception as e:
                job._set(index, False, e)
                continue
            w.job = (job, index)
            try:
                w.tasks.send_bytes(data)
            except OSError:
                pass    # dead: its result pipe reports EOF

    def _collect(self, w):
        try:
            data = w.results.recv_bytes()
            ok, value = pickle.loads(data)
        except EOFError:
            self._lost(w)
            return
        except Exception as e:
            ok, value = False, e
        job, w.job = w.job, None
        w.done += 1
        if job is not None:
            job[0]._set(job[1], ok, value)

    def _lost(self, w):
        w.proc.join()
        w.tasks.close()
        w.results.close()
        self._workers.remove(w)
        if w.job is not None:
            err = WorkerLostError('a pool worker (pid %d) died with exitcode %s while running a task'
                                  % (w.proc.pid, w.proc.exitcode))
            w.job[0]._set(w.job[1], False, err)
        if self._state != TERMINATE:
            self._workers.append(_Worker(self))

    def _idle(self):
        with self._lock:
            return self._njobs == 0 and not self._pending

    def _handle(self):
        while self._state != TERMINATE:
            self._dispatch()
            if self._state == CLOSE and self._idle():
                break
            fds = [self._wake_r] + [w.results.fileno() for w in self._workers]
            ready = _mp.poll(fds, None)
            if self._wake_r in ready:
                os.read(self._wake_r, 4096)
            for w in list(self._workers):
                if w.results.fileno() in ready:
                    self._collect(w)
        for w in self._workers:
            try:
                w.tasks.send_bytes(pickle.dumps(None))
            except OSError:
                pass

    # ---- shutting down
    def close(self):
        """No more tasks; workers exit once the pending ones are done."""
        if self._state == RUN:
            self._state = CLOSE
            self._wake()

    def terminate(self):
        """Stop the workers now; pending results are lost."""
        self._state = TERMINATE
        self._wake()
        for w in list(self._workers):
            if w.proc.exitcode is None:
                w.proc.terminate()
        self._handler.join()
        for w in list(self._workers):
            w.proc.join()
        self._release()

    def join(self):
        """Wait for the workers to exit (after close() or terminate())."""
        if self._state == RUN:
            raise ValueError("Pool is still running")
        self._handler.join()
        for w in list(self._workers):
            w.proc.join()
        self._release()

    def _release(self):
        """The handler and the workers have ended: close the pool's pipes
        (there are no finalizers to do it later)."""
        for w in self._workers:
            w.close()
        fds, self._wake_r, self._wake_w = (self._wake_r, self._wake_w), None, None
        for fd in fds:
            if fd is not None:
                _mp.close(fd)

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()

    def __repr__(self):
        state = {RUN: 'RUN', CLOSE: 'CLOSE', TERMINATE: 'TERMINATE'}[self._state]
        return '<%s.%s state=%s pool_size=%d>' % (type(self).__module__, type(self).__qualname__,
                                                   state, len(self._workers))


def _wrap1(func, args):
    return [func(*args)]


def _apply_kw(func, args, kwds):
    return [func(*args, **kwds)]
