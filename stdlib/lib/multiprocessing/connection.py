"""multiprocessing.connection: Pipe and Connection over os pipes (gilpy).

Design: a message is a 4-byte big-endian length then the payload; send()
payloads are pickle.dumps (CPython's pickle format).  A duplex Pipe is two
pipes.  recv_bytes reads the exact length (_mp.read_exact, which releases
the GIL), so an EOF in the middle of a message is an EOFError and garbage
raises pickle's UnpicklingError, never a crash.  In a child whose parent
died, a read that would block raises EOFError and poll() says so
(stdlib/mod_mp.c, the lifeline): the writer is usually the parent.
"""

import os
import pickle
import _mp

__all__ = ['Connection', 'Pipe', 'wait']

_MAX = 0x7fffffff


def _write_all(fd, data):
    view = data
    while view:
        n = os.write(fd, view)
        view = view[n:]


class Connection:
    """One end of a Pipe."""

    def __init__(self, rfd, wfd, readable=True, writable=True):
        self._rfd = rfd
        self._wfd = wfd
        self._readable = readable
        self._writable = writable

    def _check_closed(self):
        if self._rfd is None and self._wfd is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._rfd is None and self._wfd is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        """The file descriptor to read from (or to write to if write-only)."""
        self._check_closed()
        return self._rfd if self._rfd is not None else self._wfd

    def close(self):
        """Close this end."""
        for fd in {self._rfd, self._wfd}:
            if fd is not None:
                try:
                    _mp.close(fd)      # forgets it if it was private (Pool's pipes)
                except OSError:
                    pass
        self._rfd = self._wfd = None

    def send_bytes(self, buf, offset=0, size=None):
        """Send a bytes-like object as one message."""
        self._check_closed()
        self._check_writable()
        data = bytes(buf)
        if offset < 0 or offset > len(data):
            raise ValueError("offset is negative or too large")
        if size is None:
            size = len(data) - offset
        if size < 0 or offset + size > len(data):
            raise ValueError("size is negative or too large")
        data = data[offset:offset + size]
        if len(data) > _MAX:
            raise ValueError("message too long")
        _write_all(self._wfd, len(data).to_bytes(4, 'big') + data)

    def recv_bytes(self, maxlength=None):
        """Receive one message as bytes; EOFError when the other end closed."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        n = int.from_bytes(_mp.read_exact(self._rfd, 4), 'big')
        if maxlength is not None and n > maxlength:
            self.close()
            raise OSError("bad message length")
        return _mp.read_exact(self._rfd, n)

    def recv_bytes_into(self, buf, offset=0):
        data = self.recv_bytes()
        buf[offset:offset + len(data)] = data
        return len(data)

    def send(self, obj):
        """Send a picklable object."""
        self._check_closed()
        self._check_writable()
        self.send_bytes(pickle.dumps(obj))

    def recv(self):
        """Receive an object sent by send()."""
        return pickle.loads(self.recv_bytes())

    def poll(self, timeout=0.0):
        """Whether recv() would not block: there is something to read, the
        writers are gone, or (in a child) the parent died (waits up to
        timeout; None: forever)."""
        self._check_closed()
        self._check_readable()
        return bool(_mp.poll([self._rfd], timeout, True))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        pass


def Pipe(duplex=True):
    """Return (conn1, conn2), the two ends of a pipe."""
    r1, w1 = os.pipe()
    if not duplex:
        return Connection(r1, None, True, False), Connection(None, w1, False, True)
    r2, w2 = os.pipe()
    return Connection(r1, w2), Connection(r2, w1)


def wait(object_list, timeout=None):
    """Return the objects of object_list that are ready (connections, sentinels)."""
    fds = {}
    for o in object_list:
        fd = o if isinstance(o, int) else o.fileno()
        fds.setdefault(fd, []).append(o)
    conns = [fd for fd, objs in fds.items() if not all(isinstance(o, int) for o in objs)]
    ready = _mp.poll(list(fds), timeout, bool(conns))
    if any(fd not in fds for fd in ready):
        # The lifeline: the parent died, so reading a connection no longer
        # blocks (it raises EOFError); a process sentinel is not ready for that.
        ready = set(ready).union(conns)
        ready = [fd for fd in fds if fd in ready]
    return [o for fd in ready for o in fds[fd]]
