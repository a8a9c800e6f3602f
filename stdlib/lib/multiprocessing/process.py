"""multiprocessing.process: Process objects and the process tree (gilpy).

Design: fork only.  start() forks with os.fork (runtime/fork.c flushes the
stdio buffers first); the child runs _bootstrap and leaves by os._exit, so it
never runs the parent's exit code.  Two pipes tie parent and child, both made
by _mp.pipe, whose ends are private (stdlib/mod_mp.c: no other child inherits
them): the sentinel, whose write end only the child holds, becomes readable
when the child dies; the lifeline, whose write end only the parent holds,
reaches EOF when the parent dies, and the child's blocking reads watch it, so
a child never waits forever for a dead parent.  Once the child is reaped both
are closed (no finalizers here: an fd per child would leak otherwise), and
the sentinel becomes one shared pipe that is always at EOF, as a dead child's
is.  Names and identities follow CPython: the N-th child of the main process
is Process-N, its M-th child Process-N:M.
"""

import itertools
import os
import sys
import threading
import _mp

__all__ = ['BaseProcess', 'current_process', 'active_children', 'parent_process']


def current_process():
    """Return the process object of the current process."""
    return _current_process


def parent_process():
    """Return the parent's process object (None in the main process)."""
    return _parent_process


_dead_fd = None         # read end of a pipe at EOF: the sentinel of reaped children


def _dead_sentinel():
    global _dead_fd
    if _dead_fd is None:
        r, w = os.pipe()
        os.close(w)
        _dead_fd = r
    return _dead_fd


def _cleanup():
    for p in list(_children):
        if p._popen_poll() is not None:
            _children.discard(p)


def active_children():
    """Return the live children of the current process (reaping the dead)."""
    _cleanup()
    return list(_children)


def _status_to_code(status):
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


class BaseProcess:
    """A process running target(*args, **kwargs), or run() overridden."""

    _lifeline = None
    _keep_fds = ()

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._pid = None
        self._returncode = None
        self._sentinel = None
        self._lifeline = None
        self._keep_fds = ()     # private fds handed to the child (Pool's pipes)
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        """What the child runs: target(*args, **kwargs)."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Start the child process (fork)."""
        self._check_closed()
        assert self._pid is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), 'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), 'daemonic processes are not allowed to have children'
        _cleanup()
        sentinel_r, sentinel_w = _mp.pipe()
        life_r, life_w = _mp.pipe()
        try:
            pid = _mp.fork((sentinel_w, life_r) + tuple(self._keep_fds), os.fork)
        except BaseException:
            for fd in (sentinel_r, sentinel_w, life_r, life_w):
                _mp.close(fd)
            raise
        if pid == 0:
            _mp.set_lifeline(life_r)
            code = self._bootstrap(life_r)
            os._exit(code)
        _mp.close(sentinel_w)
        _mp.close(life_r)
        self._pid = pid
        self._sentinel = sentinel_r
        self._lifeline = life_w
        _children.add(self)

    def _bootstrap(self, lifeline):
        global _current_process, _parent_process, _process_counter, _children
        _parent_process = _ParentProcess(self._parent_name, self._parent_pid, lifeline)
        _current_process = self
        _process_counter = itertools.count(1)
        _children = set()
        self._pid = os.getpid()
        try:
            self.run()
            code = 0
        except SystemExit as e:
            code = _exit_code(e.code)
        except BaseException as e:
            code = 1
            sys.stderr.write('Process %s:\n' % self.name)
            sys.excepthook(type(e), e, e.__traceback__)
        finally:
            try:
                _child_exit()
            except BaseException:
                pass
        _flush_std()
        return code

    def _popen_poll(self, block=False):
        if self._returncode is None and self._pid is not None:
            try:
                pid, status = os.waitpid(self._pid, 0 if block else os.WNOHANG)
            except ChildProcessError:
                return self._returncode
            if pid != 0:
                self._returncode = _status_to_code(status)
                self._release_fds()
        return self._returncode

    def _release_fds(self):
        """The child is reaped: close its pipes (the sentinel stays ready)."""
        if self._parent_pid != os.getpid():
            return          # a copy inherited by a child: the fds are not ours
        for fd in (self._sentinel, self._lifeline):
            if fd is not None and fd != _dead_fd:
                _mp.close(fd)
        self._lifeline = None
        if self._sentinel is not None:
            self._sentinel = _dead_sentinel()

    def join(self, timeout=None):
        """Wait until the child ends, or at most timeout seconds."""
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._pid is not None, 'can only join a started process'
        if self._returncode is None:
            if timeout is not None:
                import _mp
                # The sentinel closes before the child can be reaped: once it
                # is ready, wait for real (as CPython's popen_fork does).
                ready = _mp.poll([self._sentinel], max(timeout, 0))
                self._popen_poll(block=bool(ready))
            else:
                self._popen_poll(block=True)
        if self._returncode is not None:
            _children.discard(self)

    def is_alive(self):
        """Whether the child is running."""
        self._check_closed()
        if self is _current_process:
            return True
        if self._pid is None or self._parent_pid != os.getpid():
            return False
        return self._popen_poll() is None

    def _signal(self, sig):
        self._check_closed()
        if self._pid is not None and self._returncode is None:
            try:
                os.kill(self._pid, sig)
            except ProcessLookupError:
                pass

    def terminate(self):
        """Send SIGTERM to the child."""
        self._signal(15)

    def kill(self):
        """Send SIGKILL to the child."""
        self._signal(9)

    def close(self):
        """Release the process object's resources (the child must have ended)."""
        if self._closed:
            return
        if self._pid is not None and self._popen_poll() is None:
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        if self._pid is not None:
            self._release_fds()
        self._sentinel = None
        _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._pid is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def exitcode(self):
        self._check_closed()
        if self._pid is None:
            return None
        return self._popen_poll()

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._pid

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        if self._sentinel is None:
            raise ValueError("process not started")
        return self._sentinel

    @property
    def authkey(self):
        return self._config.get('authkey', b'')

    def __repr__(self):
        code = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._pid is None:
            status = 'initial'
        else:
            code = self._popen_poll()
            status = 'started' if code is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._pid is not None and self is not _current_process:
            info.append('pid=%s' % self._pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if code is not None:
            info.append('exitcode=%s' % _exitcode_repr(code))
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)


def _exitcode_repr(code):
    names = {1: 'SIGHUP', 2: 'SIGINT', 9: 'SIGKILL', 15: 'SIGTERM', 6: 'SIGABRT', 11: 'SIGSEGV'}
    if code < 0 and -code in names:
        return '-' + names[-code]
    return str(code)


def _exit_code(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(str(code) + '\n')
    return 1


def _flush_std():
    for f in (sys.stdout, sys.stderr):
        try:
            f.flush()
        except BaseException:
            pass


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._pid = None
        self._returncode = None
        self._sentinel = None
        self._closed = False
        self._target = None
        self._config = {'authkey': os.urandom(32)}

    def close(self):
        pass


class _ParentProcess(BaseProcess):
    def __init__(self, name, pid, sentinel):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._returncode = None
        self._sentinel = sentinel
        self._closed = False
        self._target = None
        self._config = {}

    def is_alive(self):
        return os.getppid() == self._pid

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        import time
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.is_alive():
            if deadline is not None and time.monotonic() >= deadline:
                return
            time.sleep(0.01)


_exit_hooks = []        # run at exit before children are reaped (queue feeders)


def _run_exit_hooks():
    for hook in list(_exit_hooks):
        try:
            hook()
        except BaseException:
            pass


def _exit_function():
    """At exit: flush queues, terminate daemonic children, join the others."""
    _run_exit_hooks()
    for p in active_children():
        if p.daemon:
            p.terminate()
    for p in active_children():
        p.join()


def _child_exit():
    threading._shutdown()
    _exit_function()


_current_process = _MainProcess()
_parent_process = None
_process_counter = itertools.count(1)
_children = set()
threading._register_atexit(_exit_function)
