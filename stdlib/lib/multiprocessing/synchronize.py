"""multiprocessing.synchronize: process-shared locks (gilpy).

Design: every primitive is a _mp.Sem (a POSIX semaphore in MAP_SHARED memory,
stdlib/mod_mp.c) created before fork; state several processes must read (an
RLock's owner and depth, an Event's flag, a Barrier's count) lives in a
_mp.Buffer.  Condition follows CPython's design (sleeping/woken counters).
"""

import os
import threading
import time
import _mp

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier']


class SemLock:
    def __init__(self, value, maxvalue):
        self._sem = _mp.Sem(value, maxvalue)

    def acquire(self, block=True, timeout=None):
        return self._sem.acquire(block, timeout)

    def release(self):
        self._sem.release()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


class Semaphore(SemLock):
    def __init__(self, value=1, *, ctx=None):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        SemLock.__init__(self, value, 0)

    def get_value(self):
        return self._sem.get_value()

    def __repr__(self):
        return '<%s(value=%s)>' % (type(self).__name__, self.get_value())


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, value, value)
        self._maxvalue = value

    def __repr__(self):
        return '<%s(value=%s, maxvalue=%s)>' % (type(self).__name__, self._sem.get_value(), self._maxvalue)


class Lock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, 1, 1)

    def __repr__(self):
        return '<Lock(owner=%s)>' % ('None' if self._sem.get_value() else 'SomeOtherProcess')


def _me():
    return os.getpid(), threading.get_ident()


class RLock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, 1, 1)
        self._state = _mp.Buffer(24)    # pid, thread ident, depth

    def _is_mine(self):
        pid, tid = _me()
        return (self._state.get('q', 2) > 0 and self._state.get('q', 0) == pid
                and self._state.get('q', 1) == tid)

    def acquire(self, block=True, timeout=None):
        if self._is_mine():
            self._state.set('q', 2, self._state.get('q', 2) + 1)
            return True
        if not self._sem.acquire(block, timeout):
            return False
        pid, tid = _me()
        self._state.set('q', 0, pid)
        self._state.set('q', 1, tid)
        self._state.set('q', 2, 1)
        return True

    def release(self):
        if not self._is_mine():
            raise AssertionError("attempt to release recursive lock not owned by thread")
        depth = self._state.get('q', 2) - 1
        self._state.set('q', 2, depth)
        if depth == 0:
            self._sem.release()

    def _count(self):
        return self._state.get('q', 2) if self._is_mine() else 0


class Condition:
    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock or RLock()
        self._sleeping_count = Semaphore(0)
        self._woken_count = Semaphore(0)
        self._wait_semaphore = Semaphore(0)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def _release_all(self):
        if isinstance(self._lock, RLock):
            count = self._lock._count()
            for _ in range(count):
                self._lock.release()
            return count
        self._lock.release()
        return 1

    def wait(self, timeout=None):
        self._sleeping_count.release()
        count = self._release_all()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            self._woken_count.release()
            for _ in range(count):
                self._lock.acquire()

    def notify(self, n=1):
        # waiters that timed out since the last notify: forget them
        while self._woken_count.acquire(False):
            self._sleeping_count.acquire(False)
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()
            sleepers += 1
        for _ in range(sleepers):
            self._woken_count.acquire()
        while self._wait_semaphore.acquire(False):
            pass

    def notify_all(self):
        self.notify(n=0x7fffffff)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        endtime = None if timeout is None else time.monotonic() + timeout
        while not result:
            waittime = None
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Event:
    def __init__(self, *, ctx=None):
        self._cond = Condition(Lock())
        self._flag = _mp.Buffer(1)

    def is_set(self):
        with self._cond:
            return self._flag.get('b', 0) == 1

    def set(self):
        with self._cond:
            self._flag.set('b', 0, 1)
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.set('b', 0, 0)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.get('b', 0) == 1:
                return True
            self._cond.wait(timeout)
            return self._flag.get('b', 0) == 1


class Barrier:
    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._cond = Condition()
        self._state = _mp.Buffer(16)    # count, generation

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._state.get('q', 0)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            gen = self._state.get('q', 1)
            index = self._state.get('q', 0)
            self._state.set('q', 0, index + 1)
            if index + 1 == self._parties:
                if self._action:
                    self._action()
                self._state.set('q', 0, 0)
                self._state.set('q', 1, gen + 1)
                self._cond.notify_all()
                return index
            if not self._cond.wait_for(lambda: self._state.get('q', 1) != gen, timeout):
                raise threading.BrokenBarrierError
            return index
