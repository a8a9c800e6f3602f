"""Synchronized queues: CPython 3.11's `queue` API (gilpy).

Design: Queue holds one mutex and three Conditions sharing it (not_empty,
not_full, all_tasks_done), as CPython does; put/get wait on the right
condition, with a deadline when a timeout is given.  Subclasses only change
the storage through _init/_qsize/_put/_get: a deque (FIFO), a list used as a
stack (LIFO) or as a binary heap (priority).  SimpleQueue is an unbounded
FIFO: a deque plus a Semaphore counting the items, so put never blocks.
"""

import threading
from _queue import Empty        # as CPython's: pickles name it _queue.Empty
from collections import deque
from time import monotonic as time
from _weakrefset import WeakSet

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


def _class_getitem(cls, item):
    try:
        from types import GenericAlias
    except ImportError:
        return cls
    return GenericAlias(cls, item)


class Queue:
    '''Create a queue object with a given maximum size.

    If maxsize is <= 0, the queue size is infinite.
    '''

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        '''Indicate that a formerly enqueued task is complete.'''
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        '''Blocks until all items in the Queue have been gotten and processed.'''
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        '''Return the approximate size of the queue (not reliable!).'''
        with self.mutex:
            return self._qsize()

    def empty(self):
        '''Return True if the queue is empty, False otherwise (not reliable!).'''
        with self.mutex:
            return not self._qsize()

    def full(self):
        '''Return True if the queue is full, False otherwise (not reliable!).'''
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def _wait_while(self, cond, is_blocked, block, timeout, exc):
        # Wait on cond while is_blocked(); raise exc when giving up.
        if not block:
            if is_blocked():
                raise exc
        elif timeout is None:
            while is_blocked():
                cond.wait()
        elif timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        else:
            endtime = time() + timeout
            while is_blocked():
                remaining = endtime - time()
                if remaining <= 0.0:
                    raise exc
                cond.wait(remaining)

    def _is_full(self):
        return self._qsize() >= self.maxsize

    def _is_empty(self):
        return not self._qsize()

    def put(self, item, block=True, timeout=None):
        '''Put an item into the queue.'''
        with self.not_full:
            if self.maxsize > 0:
                self._wait_while(self.not_full, self._is_full, block, timeout, Full)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        '''Remove and return an item from the queue.'''
        with self.not_empty:
            self._wait_while(self.not_empty, self._is_empty, block, timeout, Empty)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        '''Put an item into the queue without blocking.'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''Remove and return an item from the queue without blocking.'''
        return self.get(block=False)

    # Storage: override these to change the order.
    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    __class_getitem__ = classmethod(_class_getitem)


def _sift_down(heap, startpos, pos):
    # Move heap[pos] up towards startpos to its place (heapq's _siftdown).
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if not newitem < parent:
            break
        heap[pos] = parent
        pos = parentpos
    heap[pos] = newitem


def _push(heap, item):
    # heapq.heappush, for when heapq is unavailable.
    heap.append(item)
    _sift_down(heap, 0, len(heap) - 1)


def _pop(heap):
    # heapq.heappop, for when heapq is unavailable: same comparisons and order.
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    endpos = len(heap)
    pos = 0
    child = 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = last
    _sift_down(heap, 0, pos)
    return top


try:
    from heapq import heappush as _heappush, heappop as _heappop
except ImportError:
    _heappush, _heappop = _push, _pop


class PriorityQueue(Queue):
    '''Variant of Queue that retrieves open entries in priority order (lowest first).'''

    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class LifoQueue(Queue):
    '''Variant of Queue that retrieves most recently added entries first.'''

    def _init(self, maxsize):
        self.queue = []

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    '''Simple, unbounded, reentrant FIFO queue.'''

    def __init__(self):
        self._queue = deque()
        self._count = threading.Semaphore(0)
        _simple_queues.add(self)

    def put(self, item, block=True, timeout=None):
        '''Put the item on the queue (never blocks; block and timeout are ignored).'''
        self._queue.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        '''Remove and return an item from the queue.'''
        if not block:
            timeout = None
        elif timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if not self._count.acquire(block, timeout):
            raise Empty
        return self._queue.popleft()

    def put_nowait(self, item):
        '''Put an item into the queue without blocking.'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''Remove and return an item from the queue without blocking.'''
        return self.get(False)

    def empty(self):
        '''Return True if the queue is empty, False otherwise (not reliable!).'''
        return len(self._queue) == 0

    def qsize(self):
        '''Return the approximate size of the queue (not reliable!).'''
        return len(self._queue)

    __class_getitem__ = classmethod(_class_getitem)


# A fork child must be able to put: CPython's SimpleQueue (C) takes no lock
# that another thread may hold when the process forks (concurrent.futures'
# atexit hook puts into its thread pool's queues in a forked worker).
_simple_queues = WeakSet()


def _after_fork_in_child():
    for q in list(_simple_queues):
        q._count._cond._at_fork_reinit()


try:
    from os import register_at_fork as _register_at_fork
except ImportError:
    pass
else:
    _register_at_fork(after_in_child=_after_fork_in_child)
