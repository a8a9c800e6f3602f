"""multiprocessing.queues: Queue, JoinableQueue, SimpleQueue (gilpy).

Design (CPython's): a pipe carries length-prefixed pickles; a process-shared
lock serializes readers, another writers.  Queue.put only appends to a local
buffer: a feeder thread (started on the first put in each process) writes,
so put never blocks on a full pipe.  Speed: put pickles in the caller and
wakes the feeder through a plain lock used as a signal (no Condition); the
feeder writes everything buffered as one batch of frames with one write();
a frame is padded to at least _FRAME bytes so get reads a small item with
one read(2) (bigger ones with two), under the raw semaphores.  Framing and
reading are _mp.pack_frames and _mp.read_frame (C: the hot path).  A bounded semaphore counts
the free slots (maxsize) and gives qsize().  At exit a process flushes its
feeder (process._exit_hooks) unless cancel_join_thread() was called; so, as
in CPython, a process that put a lot of data ends only once it was read.
"""

import collections
import os
import pickle
import threading
import time
import _mp
import queue as _queue
from queue import Empty, Full

from . import connection, process
from .synchronize import Lock, BoundedSemaphore, Semaphore, Condition

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']

_SEM_MAX = 2147483647
_BATCH_ITEMS = 1024      # items the feeder gathers into one write
_FRAME = 64              # minimum frame: 4-byte length, payload, zero padding


class Queue:
    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = _SEM_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()
        self._sem = BoundedSemaphore(maxsize)
        self._closed = False
        self._reset()

    def _reset(self):
        self._pid = os.getpid()
        self._signal = threading.Lock()     # held while the feeder may sleep
        self._signal.acquire()
        self._buffer = collections.deque()
        self._thread = None
        self._joincancelled = False
        self._stop = False

    def _check_fork(self):
        if self._pid != os.getpid():
            self._reset()

    def _wake(self):
        """Let the feeder run (a spurious wake-up only costs one loop)."""
        if self._signal.locked():
            try:
                self._signal.release()
            except RuntimeError:        # another thread released it first
                pass

    def put(self, obj, block=True, timeout=None):
        """Put obj on the queue (waiting for a free slot if it is full)."""
        if self._closed:
            raise ValueError("Queue %r is closed" % self)
        self._check_fork()
        if not self._sem._sem.acquire(block, timeout):
            raise Full
        self._buffer.append(pickle.dumps(obj))
        if self._thread is None:
            self._start_thread()
        self._wake()

    def put_nowait(self, obj):
        return self.put(obj, False)

    def _start_thread(self):
        self._thread = threading.Thread(target=self._feed, name='QueueFeederThread', daemon=True)
        self._thread.start()
        process._exit_hooks.append(self._finalize)

    def _take_batch(self):
        """Pop buffered items (up to _BATCH_ITEMS) packed as one string of frames."""
        buffer = self._buffer
        popleft = buffer.popleft
        items = [popleft() for _ in range(min(len(buffer), _BATCH_ITEMS))]
        return _mp.pack_frames(items, _FRAME)

    def _feed(self):
        wlock = self._wlock._sem
        fd = self._writer._wfd
        while True:
            if not self._buffer:
                if self._stop:
                    return
                self._signal.acquire()
                continue
            batch = self._take_batch()
            wlock.acquire()
            try:
                connection._write_all(fd, batch)
            except OSError:
                return
            finally:
                wlock.release()

    def _finalize(self):
        if self._pid != os.getpid() or self._thread is None:
            return
        self._stop = True
        self._wake()
        if not self._joincancelled:
            self._thread.join()

    def get(self, block=True, timeout=None):
        """Remove and return an item (waiting up to timeout if it is empty)."""
        if self._closed:
            raise ValueError("Queue %r is closed" % self)
        rlock = self._rlock._sem
        if block and timeout is None:
            rlock.acquire()
            try:
                data = _mp.read_frame(self._reader._rfd, _FRAME)
            finally:
                rlock.release()
        else:
            data = self._get_timed(rlock, block, timeout)
        self._sem._sem.release()
        return pickle.loads(data)

    def _get_timed(self, rlock, block, timeout):
        deadline = time.monotonic() + (timeout if block else 0)
        if not rlock.acquire(block, timeout):
            raise Empty
        try:
            remaining = max(deadline - time.monotonic(), 0) if block else 0.0
            if not self._reader.poll(remaining):
                raise Empty
            return _mp.read_frame(self._reader._rfd, _FRAME)
        finally:
            rlock.release()

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return self._maxsize - self._sem._sem.get_value()

    def empty(self):
        return not _mp.poll([self._reader._rfd], 0)

    def full(self):
        return self._sem._sem.get_value() == 0

    def close(self):
        """No more puts from this process; the feeder flushes then ends."""
        self._closed = True
        if self._thread is not None and self._pid == os.getpid():
            self._stop = True
            self._wake()

    def join_thread(self):
        """Wait for the feeder thread (after close())."""
        assert self._closed, "Queue {0!r} not closed".format(self)
        if self._thread is not None and self._pid == os.getpid():
            self._thread.join()

    def cancel_join_thread(self):
        """Do not wait for the feeder at exit (data may be lost)."""
        self._joincancelled = True

    def __repr__(self):
        return '<%s.%s object at %#x>' % (type(self).__module__, type(self).__qualname__, id(self))


class JoinableQueue(Queue):
    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize)
        self._unfinished_tasks = Semaphore(0)
        self._cond = Condition()

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError("Queue %r is closed" % self)
        if not self._sem.acquire(block, timeout):
            raise Full
        self._check_fork()
        data = pickle.dumps(obj)
        with self._cond:
            self._buffer.append(data)
            if self._thread is None:
                self._start_thread()
            self._unfinished_tasks.release()
            self._wake()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks.get_value() == 0:
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if self._unfinished_tasks.get_value() != 0:
                self._cond.wait()


class SimpleQueue:
    __class_getitem__ = classmethod(type(list[int]))   # types.GenericAlias

    def __init__(self, *, ctx=None):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not _mp.poll([self._reader._rfd], 0)

    def get(self):
        with self._rlock:
            data = self._reader.recv_bytes()
        return pickle.loads(data)

    def put(self, obj):
        data = pickle.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(data)
