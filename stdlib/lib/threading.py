"""Thread-based parallelism: CPython 3.11's `threading` API over `_thread` (gilpy).

Design:
  Lock, RLock  are the C types of `_thread` themselves (no Python wrapper),
               so `with lock:` costs one C call each way.
  Thread       start() puts the object in `_limbo`, starts `_bootstrap` with
               `_thread.start_new_thread` and waits on the `_started` Event.
               The new thread records its ident, takes its *tstate lock*
               (from `_thread._set_sentinel()`: released by the C runtime when
               the thread state ends), moves itself to `_active` and runs
               run().  join() waits by acquiring the tstate lock, so a thread
               counts as finished only once it has really ended.  Non-daemon
               tstate locks are kept in `_shutdown_locks`; `_shutdown()`, called
               by the runtime at exit, waits on each of them.
  Condition    a list of private waiter locks: wait() appends a locked lock,
               releases the user lock (fully, even a recursively held RLock)
               and blocks acquiring the waiter; notify(n) releases n waiters
               in FIFO order.
  Semaphore, BoundedSemaphore, Event, Barrier
               built on Condition, with CPython's semantics and messages.
  local        one attribute dict per thread, keyed by thread ident; every
               attribute access swaps the right dict in as `__dict__` under a
               lock.  A thread's dicts are dropped when its Thread ends, so a
               reused ident never sees stale values.
  excepthook   the default hook prints "Exception in thread NAME:" and the
               traceback on stderr, as CPython does.
  _after_fork  run in a fork child (by os.register_at_fork when it exists,
               else by the runtime): the forking thread becomes the only and
               main thread.
settrace/setprofile record their hook and install it in threads they start
when sys.settrace/sys.setprofile exist.
Error messages follow CPython 3.11.
"""

import sys as _sys
import _thread
from time import monotonic as _time
from itertools import count as _count
from collections import deque as _deque
from _weakrefset import WeakSet

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_sentinel = getattr(_thread, '_set_sentinel', None)
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
_HAVE_THREAD_NATIVE_ID = True
stack_size = _thread.stack_size
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
Lock = _thread.allocate_lock
RLock = _thread.RLock
_CRLock = _thread.RLock


def _deprecated(old, new):
    import warnings
    warnings.warn(f'{old}() is deprecated, {new} instead',
                  DeprecationWarning, stacklevel=3)


# ---------------------------------------------------------------- tracing

_trace_hook = None
_profile_hook = None


def settrace(func):
    """Record a trace function for threads started from now on."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """Get the trace function as set by threading.settrace()."""
    return _trace_hook


def setprofile(func):
    """Record a profile function for threads started from now on."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """Get the profiler function as set by threading.setprofile()."""
    return _profile_hook


# ---------------------------------------------------------------- Condition

class Condition:
    """Class that implements a condition variable.

    A condition variable allows one or more threads to wait until they are
    notified by another thread.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        if hasattr(lock, '_release_save'):
            self._release_save = lock._release_save
            self._acquire_restore = lock._acquire_restore
        elif hasattr(lock, '_recursion_count'):
            self._release_save = self._release_all
            self._acquire_restore = self._reacquire
        if hasattr(lock, '_is_owned'):
            self._is_owned = lock._is_owned
        self._waiters = _deque()

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()
        self._waiters.clear()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _release_all(self):
        # An RLock without _release_save: release every recursion level.
        count = self._lock._recursion_count()
        for _ in range(count):
            self._lock.release()
        return count

    def _reacquire(self, count):
        for _ in range(count):
            self._lock.acquire()

    def _is_owned(self):
        # For a plain Lock: owned if we cannot take it (as CPython does).
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Wait until notified or until a timeout occurs."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            if timeout is None:
                gotit = waiter.acquire()
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """Wait until a condition evaluates to True."""
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up one or more threads waiting on this condition, if any."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiters.popleft().release()
            n -= 1

    def notify_all(self):
        """Wake up all threads waiting on this condition."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        """Wake up all threads waiting on this condition (deprecated)."""
        _deprecated('notifyAll', 'use notify_all()')
        self.notify_all()


# ---------------------------------------------------------------- Semaphore

class Semaphore:
    """This class implements semaphore objects.

    Semaphores manage a counter representing the number of release() calls
    minus the number of acquire() calls, plus an initial value.
    """

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        """Acquire a semaphore, decrementing the internal counter by one."""
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            return False
                self._cond.wait(timeout)
            self._value -= 1
            return True

    __enter__ = acquire

    def release(self, n=1):
        """Release a semaphore, incrementing the internal counter by n."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that checks that its value never exceeds the initial one."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        """Release a semaphore; ValueError if it was released too many times."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


# ---------------------------------------------------------------- Event

class Event:
    """Class implementing event objects: a flag that threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def _at_fork_reinit(self):
        self._cond._at_fork_reinit()

    def is_set(self):
        """Return true if and only if the internal flag is true."""
        return self._flag

    def isSet(self):
        """Return true if and only if the internal flag is true (deprecated)."""
        _deprecated('isSet', 'use is_set()')
        return self.is_set()

    def set(self):
        """Set the internal flag to true and wake up every waiting thread."""
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        """Reset the internal flag to false."""
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Block until the internal flag is true or the timeout elapses."""
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


# ---------------------------------------------------------------- Barrier

class BrokenBarrierError(RuntimeError):
    pass


_FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2


class Barrier:
    """Implements a Barrier: `parties` threads wait until all have arrived."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def wait(self, timeout=None):
        """Wait for the barrier; return this thread's index in 0..parties-1."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        # Wait for a previous cycle to drain or a reset to finish.
        while self._state in (_RESETTING, _DRAINING):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == _FILLING

    def _release(self):
        # The last thread arrived: run the action and let everybody go.
        try:
            if self._action:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == _DRAINING

    def _exit(self):
        # The last thread to leave a draining or resetting barrier refills it.
        if self._count == 0 and self._state in (_RESETTING, _DRAINING):
            self._state = _FILLING
            self._cond.notify_all()

    def reset(self):
        """Reset the barrier to the initial state; waiters get BrokenBarrierError."""
        with self._cond:
            if self._count > 0:
                if self._state in (_FILLING, _BROKEN):
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        """Place the barrier into a 'broken' state."""
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        """Return the number of threads required to trip the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """Return the number of threads currently waiting at the barrier."""
        if self._state == _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        """Return True if the barrier is in a broken state."""
        return self._state == _BROKEN


# ---------------------------------------------------------------- registries

_counter = _count(1).__next__


def _newname(name_template):
    return name_template % _counter()


_active_limbo_lock = RLock()
_active = {}        # ident -> running Thread
_limbo = {}         # Thread -> Thread, started but not yet running
_dangling = WeakSet()   # every Thread object still alive (test.support counts them)
_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = set()   # tstate locks of the non-daemon threads
_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Call func(*arg, **kwargs) at shutdown, before non-daemon threads are joined."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


# ---------------------------------------------------------------- excepthook

class _ExceptHookArgs(tuple):
    """The argument of threading.excepthook: (exc_type, exc_value,
    exc_traceback, thread), built from one 4-sequence."""

    _fields = ('exc_type', 'exc_value', 'exc_traceback', 'thread')

    def __new__(cls, sequence):
        items = tuple(sequence)
        if len(items) != 4:
            raise TypeError("_thread._ExceptHookArgs() takes a 4-sequence "
                            f"({len(items)}-sequence given)")
        return tuple.__new__(cls, items)

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])

    def __repr__(self):
        fields = ', '.join(f'{name}={value!r}'
                           for name, value in zip(self._fields, self))
        return f'_thread._ExceptHookArgs({fields})'


ExceptHookArgs = _ExceptHookArgs


def _print_exception(exc_type, exc_value, exc_tb, file):
    """Print a traceback as CPython's default excepthook does, on `file`."""
    try:
        from traceback import print_exception
    except ImportError:
        print_exception = None
    if print_exception is not None:
        print_exception(exc_type, exc_value, exc_tb, file=file)
        return
    saved = _sys.stderr
    _sys.stderr = file
    try:
        _sys.__excepthook__(exc_type, exc_value, exc_tb)
    finally:
        _sys.stderr = saved


def excepthook(args, /):
    """Handle an uncaught exception raised by Thread.run()."""
    if args.exc_type == SystemExit:
        return
    if _sys is not None and _sys.stderr is not None:
        stderr = _sys.stderr
    elif args.thread is not None:
        stderr = args.thread._stderr
        if stderr is None:
            return
    else:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    _print_exception(args.exc_type, args.exc_value, args.exc_traceback, stderr)
    stderr.flush()


__excepthook__ = excepthook


def _invoke_excepthook(thread):
    """Call threading.excepthook for the exception being handled in thread."""
    try:
        hook = excepthook if excepthook is not None else __excepthook__
        hook(ExceptHookArgs([*_sys.exc_info(), thread]))
    except Exception as exc:
        exc.__suppress_context__ = True
        stderr = _sys.stderr if _sys.stderr is not None else thread._stderr
        print("Exception in threading.excepthook:", file=stderr, flush=True)
        (_sys.excepthook or _sys.__excepthook__)(*_sys.exc_info())


# ---------------------------------------------------------------- Thread

class Thread:
    """A class that represents a thread of control.

    Either pass a callable `target` to the constructor or override run() in
    a subclass.
    """

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        self._stderr = _sys.stderr
        self._locals = []          # _LocalImpl objects holding a dict of ours
        _dangling.add(self)

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # updates _is_stopped
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Start the thread's activity (at most once per Thread object)."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        """Method representing the thread's activity: calls the target."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self._bootstrap_inner()
        except:
            if self._daemonic and _sys is None:
                return
            raise

    def _bootstrap_inner(self):
        try:
            self._ident = get_ident()
            self._set_tstate_lock()
            self._native_id = get_native_id()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            self._started.set()
            self._install_hooks()
            try:
                self.run()
            except:
                _invoke_excepthook(self)
        finally:
            self._delete()

    def _set_native_id(self):
        self._native_id = get_native_id()

    @staticmethod
    def _install_hooks():
        if _trace_hook is not None and hasattr(_sys, 'settrace'):
            _sys.settrace(_trace_hook)
        if _profile_hook is not None and hasattr(_sys, 'setprofile'):
            _sys.setprofile(_profile_hook)

    def _set_tstate_lock(self):
        # Without _thread._set_sentinel, _delete() releases the lock itself.
        lock = _set_sentinel() if _set_sentinel else _allocate_lock()
        if not lock.locked():
            lock.acquire()
        self._tstate_lock = lock
        if not self._daemonic:
            global _shutdown_locks
            with _shutdown_locks_lock:
                _shutdown_locks = {l for l in _shutdown_locks if l.locked()}
                _shutdown_locks.add(lock)

    def _stop(self):
        lock = self._tstate_lock
        self._is_stopped = True
        self._tstate_lock = None
        if lock is not None and not self._daemonic:
            with _shutdown_locks_lock:
                _shutdown_locks.discard(lock)

    def _delete(self):
        with _active_limbo_lock:
            _active.pop(get_ident(), None)
        for impl in self._locals:
            impl.dicts.pop(self._ident, None)
        self._locals = []
        if _set_sentinel is None and self._tstate_lock is not None:
            self._tstate_lock.release()

    def join(self, timeout=None):
        """Wait until the thread terminates, or until timeout seconds pass."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            return      # already stopped
        try:
            if lock.acquire(block, timeout):
                lock.release()
                self._stop()
        except:
            if lock.locked():
                lock.release()
                self._stop()
            raise

    def is_alive(self):
        """Return whether the thread is alive."""
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def name(self):
        """A string used for identification purposes only."""
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        """Thread identifier of this thread or None if it has not been started."""
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        """Native integral thread ID of this thread, or None if not started."""
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    @property
    def daemon(self):
        """A boolean value indicating whether this thread is a daemon thread."""
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        """Return whether this thread is a daemon (deprecated)."""
        _deprecated('isDaemon', 'get the daemon attribute')
        return self.daemon

    def setDaemon(self, daemonic):
        """Set whether this thread is a daemon (deprecated)."""
        _deprecated('setDaemon', 'set the daemon attribute')
        self.daemon = daemonic

    def getName(self):
        """Return a string used for identification purposes only (deprecated)."""
        _deprecated('getName', 'get the name attribute')
        return self.name

    def setName(self, name):
        """Set the name string for this thread (deprecated)."""
        _deprecated('setName', 'set the name attribute')
        self.name = name


class Timer(Thread):
    """Call a function after a specified number of seconds."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it hasn't finished yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    """The thread that imported threading first: the program's main thread."""

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._set_tstate_lock()
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """A thread not started by threading (e.g. by _thread.start_new_thread)."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


# ---------------------------------------------------------------- module API

def current_thread():
    """Return the current Thread object (a dummy one for foreign threads)."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    """Return the current Thread object (deprecated)."""
    _deprecated('currentThread', 'use current_thread()')
    return current_thread()


def active_count():
    """Return the number of Thread objects currently alive."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    """Return the number of Thread objects currently alive (deprecated)."""
    _deprecated('activeCount', 'use active_count()')
    return active_count()


def enumerate():
    """Return a list of all Thread objects currently active."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def main_thread():
    """Return the main thread object."""
    return _main_thread


def _shutdown():
    """Wait for every non-daemon thread (called by the runtime at exit)."""
    global _SHUTTING_DOWN
    if _main_thread._is_stopped:
        return
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    if _main_thread.ident == get_ident():
        lock = _main_thread._tstate_lock
        if lock is not None and lock.locked():
            lock.release()
        _main_thread._stop()
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()
        if not locks:
            break
        for lock in locks:
            lock.acquire()
            lock.release()


_main_thread = _MainThread()


def _after_fork():
    """In a fork child: the calling thread is the only one left, and the
    main thread from now on; every other Thread is marked stopped."""
    global _active_limbo_lock, _main_thread, _shutdown_locks_lock, _shutdown_locks
    _active_limbo_lock = RLock()
    _shutdown_locks_lock = _allocate_lock()
    _shutdown_locks = set()
    current = _active.get(get_ident())
    others = [t for t in list(_active.values()) + list(_limbo.values())
              if t is not current]
    _limbo.clear()
    _active.clear()
    for thread in others:
        thread._started._at_fork_reinit()
        thread._tstate_lock = None
        thread._stop()
    if current is None:
        current = _MainThread()
    _active[current._ident] = current
    _main_thread = current


try:
    from os import register_at_fork as _register_at_fork
except ImportError:
    pass        # gilpy: the runtime calls _after_fork() in the child itself
else:
    _register_at_fork(after_in_child=_after_fork)


# ---------------------------------------------------------------- local

class _LocalImpl:
    """The per-thread dicts of one `local` object."""

    __slots__ = ('dicts', 'args', 'kw', 'lock')

    def __init__(self, args, kw):
        self.dicts = {}
        self.args = args
        self.kw = kw
        self.lock = RLock()

    def enter(self, obj):
        """Install the calling thread's dict as obj.__dict__ (lock held)."""
        ident = get_ident()
        d = self.dicts.get(ident)
        if d is None:
            d = self.create_dict(ident)
            object.__setattr__(obj, '__dict__', d)
            cls = type(obj)
            if cls.__init__ is not object.__init__:
                cls.__init__(obj, *self.args, **self.kw)
        else:
            object.__setattr__(obj, '__dict__', d)

    def create_dict(self, ident):
        d = self.dicts[ident] = {}
        current_thread()._locals.append(self)
        return d


def _readonly_dict(obj):
    cls = type(obj)
    name = '_thread._local' if cls is local else cls.__name__
    return AttributeError(f"'{name}' object attribute '__dict__' is read-only")


class local:
    """Thread-local data: each thread sees its own attributes."""

    __slots__ = ('_local__impl', '__dict__')

    def __new__(cls, /, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        impl = _LocalImpl(args, kw)
        object.__setattr__(self, '_local__impl', impl)
        object.__setattr__(self, '__dict__', impl.create_dict(get_ident()))
        return self

    def __getattribute__(self, name):
        impl = object.__getattribute__(self, '_local__impl')
        with impl.lock:
            impl.enter(self)
            return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise _readonly_dict(self)
        impl = object.__getattribute__(self, '_local__impl')
        with impl.lock:
            impl.enter(self)
            return object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name == '__dict__':
            raise _readonly_dict(self)
        impl = object.__getattribute__(self, '_local__impl')
        with impl.lock:
            impl.enter(self)
            return object.__delattr__(self, name)


# As in CPython, where local is the C type _thread._local.
local.__module__ = '_thread'
local.__name__ = local.__qualname__ = '_local'
