"""multiprocessing.context: the start-method context (gilpy: fork only).

Design: one ForkContext gives every public factory; 'spawn' and 'forkserver'
are known names that raise ValueError until they are implemented.
"""

import os
import sys

from . import process

__all__ = ['ForkContext', 'get_context', 'set_start_method', 'get_start_method',
           'get_all_start_methods']


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


class Process(process.BaseProcess):
    _start_method = 'fork'


class BaseContext:
    ProcessError = ProcessError
    BufferTooShort = BufferTooShort
    TimeoutError = TimeoutError
    AuthenticationError = AuthenticationError
    Process = Process

    current_process = staticmethod(process.current_process)
    parent_process = staticmethod(process.parent_process)
    active_children = staticmethod(process.active_children)

    def cpu_count(self):
        num = os.cpu_count()
        if num is None:
            raise NotImplementedError('cannot determine number of cpus')
        return num

    def Pipe(self, duplex=True):
        from .connection import Pipe
        return Pipe(duplex)

    def Lock(self):
        from .synchronize import Lock
        return Lock()

    def RLock(self):
        from .synchronize import RLock
        return RLock()

    def Condition(self, lock=None):
        from .synchronize import Condition
        return Condition(lock)

    def Semaphore(self, value=1):
        from .synchronize import Semaphore
        return Semaphore(value)

    def BoundedSemaphore(self, value=1):
        from .synchronize import BoundedSemaphore
        return BoundedSemaphore(value)

    def Event(self):
        from .synchronize import Event
        return Event()

    def Barrier(self, parties, action=None, timeout=None):
        from .synchronize import Barrier
        return Barrier(parties, action, timeout)

    def Queue(self, maxsize=0):
        from .queues import Queue
        return Queue(maxsize)

    def JoinableQueue(self, maxsize=0):
        from .queues import JoinableQueue
        return JoinableQueue(maxsize)

    def SimpleQueue(self):
        from .queues import SimpleQueue
        return SimpleQueue()

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        from .pool import Pool
        return Pool(processes, initializer, initargs, maxtasksperchild)

    def Manager(self):
        """A started SyncManager: shared objects served by a manager process."""
        from .managers import SyncManager
        m = SyncManager(ctx=self)
        m.start()
        return m

    def RawValue(self, typecode_or_type, *args):
        from .sharedctypes import RawValue
        return RawValue(typecode_or_type, *args)

    def RawArray(self, typecode_or_type, size_or_initializer):
        from .sharedctypes import RawArray
        return RawArray(typecode_or_type, size_or_initializer)

    def Value(self, typecode_or_type, *args, lock=True):
        from .sharedctypes import Value
        return Value(typecode_or_type, *args, lock=lock)

    def Array(self, typecode_or_type, size_or_initializer, *, lock=True):
        from .sharedctypes import Array
        return Array(typecode_or_type, size_or_initializer, lock=lock)

    def freeze_support(self):
        pass

    def get_context(self, method=None):
        if method is None:
            return _default_context
        if method == 'fork':
            return _fork_context
        if method in ('spawn', 'forkserver'):
            raise ValueError('start method %r is not supported yet by gilpy (only fork)' % method)
        raise ValueError('cannot find context for %r' % method)

    def get_start_method(self, allow_none=False):
        return self._name

    def set_start_method(self, method, force=False):
        raise ValueError('cannot set start method of concrete context')

    def get_all_start_methods(self):
        return ['fork']

    @property
    def reducer(self):
        import pickle
        return pickle


class ForkContext(BaseContext):
    _name = 'fork'


class DefaultContext(BaseContext):
    def __init__(self, context):
        self._default_context = context
        self._actual_context = None

    def get_context(self, method=None):
        if method is None:
            if self._actual_context is None:
                self._actual_context = self._default_context
            return self._actual_context
        return super().get_context(method)

    def set_start_method(self, method, force=False):
        if self._actual_context is not None and not force:
            raise RuntimeError('context has already been set')
        if method is None and force:
            self._actual_context = None
            return
        self._actual_context = self.get_context(method)

    def get_start_method(self, allow_none=False):
        if self._actual_context is None:
            if allow_none:
                return None
            self._actual_context = self._default_context
        return self._actual_context._name


_fork_context = ForkContext()
_default_context = DefaultContext(_fork_context)
