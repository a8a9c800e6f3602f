"""multiprocessing.managers: Manager() and its proxies (gilpy, fork only).

Design: SyncManager.start() forks a server process (a daemon Process named
`SyncManager-N`, as in CPython) that owns the shared objects: dict, list,
Value, Lock, Queue, Namespace, Event and whatever register() added.  A
proxy holds the manager's Channel and the object's id; a method call is one
round trip `(oid, method, args, kwargs)` -> `('#RETURN', value)` or
`('#ERROR', exception)` (`('#QUEUE', 'Empty'|'Full')` for queue.Empty and
queue.Full, the non-blocking calls' frequent answers), pickled over a pair of pipes.  There are no sockets:
children inherit the clients' ends of the pipes through fork (the server's
ends are private: only the server holds them), and one process-shared lock makes
each round trip atomic, so every process and thread shares one channel and
the single-threaded server answers requests in order.  The server never
blocks: a blocking Lock.acquire or Queue.get/put is a client loop over the
non-blocking call with a growing sleep (up to 20 ms), so a waiting client
never stops the others.  A proxy pickles as (manager key, kind, oid), so it
can also be passed to Pool workers forked after the manager started.
Objects live until the manager shuts down (no reference counting).
"""

import os
import queue
import threading
import time
import _mp

from . import connection, process

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Namespace', 'Value']

_channels = {}               # manager key -> Channel, inherited by fork children


class Namespace:
    def __init__(self, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = sorted((k, v) for k, v in self.__dict__.items() if not k.startswith('_'))
        return 'Namespace(%s)' % ', '.join('%s=%r' % kv for kv in items)


class Value:
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return '%s(%r, %r)' % (type(self).__name__, self._typecode, self._value)

    value = property(get, set)


# ---------------------------------------------------------------- server side

class _Server:
    """The manager process's loop: one request at a time, in order."""

    def __init__(self, registry, requests, replies):
        self.registry = registry
        self.requests = requests
        self.replies = replies
        self.objects = {}
        self.next_id = 1

    def serve_forever(self):
        """Serve until shutdown, or until no client is left: EOF on the request
        pipe, which the lifeline also gives when the parent dies (a client
        gone for good is an EPIPE on the reply pipe)."""
        while True:
            try:
                request = self.requests.recv()
                if request[0] == '#shutdown':
                    self.replies.send(('#RETURN', None))
                    return
                self.reply(self.handle(request))
            except (EOFError, BrokenPipeError):
                return

    def reply(self, message):
        try:
            self.replies.send(message)
        except OSError:
            raise
        except Exception as e:     # an unpicklable result
            self.replies.send(('#ERROR', TypeError('cannot return result: %s' % e)))

    def handle(self, request):
        oid, method, args, kwds = request
        try:
            if oid == '#create':
                return ('#RETURN', self.create(method, args, kwds))
            return ('#RETURN', self.call(self.objects[oid], method, args, kwds))
        except (queue.Empty, queue.Full) as e:   # sent by name: cheap, always picklable
            return ('#QUEUE', type(e).__name__)
        except Exception as e:
            return ('#ERROR', e)

    def create(self, typeid, args, kwds):
        obj = self.registry[typeid][0](*args, **kwds)
        oid = self.next_id
        self.next_id += 1
        self.objects[oid] = obj
        return oid

    def call(self, obj, method, args, kwds):
        if method == '#getattr':
            return getattr(obj, args[0])
        if method == '#setattr':
            return setattr(obj, args[0], args[1])
        if method == '#delattr':
            return delattr(obj, args[0])
        if method == '#value':
            return obj
        if method == '#unfinished':
            return obj.unfinished_tasks
        result = getattr(obj, method)(*args, **kwds)
        if method in _LISTED:
            result = list(result)
        return result


_LISTED = frozenset(['keys', 'values', 'items', '__iter__', '__reversed__'])


# ---------------------------------------------------------------- client side

class Channel:
    """The client end: request pipe, reply pipe, one process-shared lock."""

    def __init__(self, requests, replies):
        self.requests = requests
        self.replies = replies
        self.lock = _mp.Sem(1, 1)

    def call(self, oid, method, args=(), kwds=None):
        self.lock.acquire(True, None)
        try:
            self.requests.send((oid, method, tuple(args), dict(kwds or {})))
            kind, value = self.replies.recv()
        finally:
            self.lock.release()
        if kind == '#ERROR':
            raise value
        if kind == '#QUEUE':
            raise getattr(queue, value)
        return value

    def close(self):
        """Close the client's pipes (the server has stopped)."""
        self.lock.acquire(True, None)
        try:
            self.requests.close()
            self.replies.close()
        finally:
            self.lock.release()


def _poll(try_once, block, timeout, failure):
    """Call try_once() until it returns (blocking: with a growing sleep)."""
    deadline = None if timeout is None else time.monotonic() + max(timeout, 0)
    delay = 0.0005
    while True:
        try:
            return try_once()
        except failure:
            if not block or (deadline is not None and time.monotonic() >= deadline):
                raise
        pause = delay if deadline is None else min(delay, max(deadline - time.monotonic(), 0))
        time.sleep(pause)
        delay = min(delay * 2, 0.02)


def _rebuild_proxy(proxytype, key, oid):
    return proxytype(_channels[key], key, oid)


class BaseProxy:
    """A reference to an object that lives in the manager process."""

    _typeid = None

    def __init__(self, channel, key, oid):
        self._channel = channel
        self._key = key
        self._oid = oid

    def _callmethod(self, methodname, args=(), kwds=None):
        """Call a method of the referent in the manager and return the result."""
        return self._channel.call(self._oid, methodname, args, kwds)

    def _getvalue(self):
        """A copy of the referent."""
        return self._callmethod('#value')

    def __reduce__(self):
        return _rebuild_proxy, (type(self), self._key, self._oid)

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (type(self).__name__, self._typeid, id(self))

    def __str__(self):
        return self._callmethod('__repr__')


def _forward(name):
    def method(self, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = name
    return method


def MakeProxyType(name, exposed):
    """A BaseProxy subclass whose methods `exposed` call the referent's."""
    namespace = {name_: _forward(name_) for name_ in exposed}
    return type(name, (BaseProxy,), namespace)


class AutoProxy(BaseProxy):
    """Proxy for register()ed types: any public attribute is a remote method."""

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        return lambda *args, **kwds: self._callmethod(name, args, kwds)


class DictProxy(MakeProxyType('DictProxy', (
        '__contains__', '__delitem__', '__getitem__', '__len__', '__setitem__',
        'clear', 'copy', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault',
        'update', 'values'))):
    _typeid = 'dict'

    def __iter__(self):
        return iter(self._callmethod('__iter__'))


class ListProxy(MakeProxyType('ListProxy', (
        '__add__', '__contains__', '__delitem__', '__getitem__', '__len__',
        '__mul__', '__rmul__', '__setitem__', 'append', 'count', 'extend',
        'index', 'insert', 'pop', 'remove', 'reverse', 'sort', 'copy', 'clear'))):
    _typeid = 'list'

    def __iter__(self):
        return iter(self._callmethod('__iter__'))

    def __reversed__(self):
        return iter(self._callmethod('__reversed__'))

    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self


class ValueProxy(BaseProxy):
    _typeid = 'Value'
    __class_getitem__ = classmethod(type(list[int]))   # types.GenericAlias

    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)


class AcquirerProxy(BaseProxy):
    _typeid = 'Lock'

    def acquire(self, blocking=True, timeout=None):
        timeout = None if timeout is None or timeout < 0 else timeout
        try:
            return _poll(self._try_acquire, blocking, timeout, _Busy)
        except _Busy:
            return False

    def _try_acquire(self):
        if not self._callmethod('acquire', (False,)):
            raise _Busy
        return True

    def release(self):
        return self._callmethod('release')

    def locked(self):
        return self._callmethod('locked')

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        return self.release()


class _Busy(Exception):
    pass


class EventProxy(MakeProxyType('EventProxy', ('is_set', 'set', 'clear'))):
    _typeid = 'Event'

    def wait(self, timeout=None):
        try:
            return _poll(self._check_set, True, timeout, _Busy)
        except _Busy:
            return False

    def _check_set(self):
        if not self._callmethod('is_set'):
            raise _Busy
        return True


class QueueProxy(MakeProxyType('QueueProxy', (
        'empty', 'full', 'qsize', 'put_nowait', 'get_nowait', 'task_done'))):
    _typeid = 'Queue'

    def put(self, item, block=True, timeout=None):
        try_once = lambda: self._callmethod('put_nowait', (item,))
        return _poll(try_once, block, timeout, queue.Full)

    def get(self, block=True, timeout=None):
        return _poll(lambda: self._callmethod('get_nowait'), block, timeout, queue.Empty)

    def join(self):
        delay = 0.0005
        while self._callmethod('#unfinished'):
            time.sleep(delay)
            delay = min(delay * 2, 0.02)


class NamespaceProxy(BaseProxy):
    _typeid = 'Namespace'

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        return self._callmethod('#getattr', (name,))

    def __setattr__(self, name, value):
        if name.startswith('_'):
            return object.__setattr__(self, name, value)
        return self._callmethod('#setattr', (name, value))

    def __delattr__(self, name):
        if name.startswith('_'):
            return object.__delattr__(self, name)
        return self._callmethod('#delattr', (name,))


# ---------------------------------------------------------------- managers

class BaseManager:
    """Starts the server process and creates proxies of registered types."""

    _registry = {}
    _counter = 0

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None):
        self._channel = None
        self._process = None
        self._key = None

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        """Make typeid a type served by this manager class (before start())."""
        if '_registry' not in cls.__dict__:
            cls._registry = dict(cls._registry)
        cls._registry[typeid] = (callable, proxytype or AutoProxy)
        if create_method:
            setattr(cls, typeid, _creator(typeid))

    def start(self, initializer=None, initargs=()):
        """Fork the server process."""
        if self._process is not None:
            from .context import ProcessError
            raise ProcessError('Already started server')
        # The server's ends are private (only the server holds them), the
        # clients' are inherited by every later child, to use proxies.
        req_r, req_w = _pipe(True, False)
        rep_r, rep_w = _pipe(False, True)
        self._process = process.BaseProcess(target=self._run_server,
                                            args=(req_r, rep_w, req_w, rep_r, initializer, initargs))
        self._process.name = type(self).__name__ + '-' + ':'.join(map(str, self._process._identity))
        self._process.daemon = True
        self._process._keep_fds = (req_r.fileno(), rep_w.fileno())
        try:
            self._process.start()
        finally:
            req_r.close()
            rep_w.close()
        BaseManager._counter += 1
        self._key = (os.getpid(), BaseManager._counter)
        self._channel = _channels[self._key] = Channel(req_w, rep_r)

    def _run_server(self, requests, replies, req_w, rep_r, initializer, initargs):
        req_w.close()
        rep_r.close()
        if initializer is not None:
            initializer(*initargs)
        _Server(self._registry, requests, replies).serve_forever()

    def _create(self, typeid, *args, **kwds):
        if self._channel is None:
            raise ValueError('Manager has not been started') if self._process is None \
                else OSError('manager has shut down')
        oid = self._channel.call('#create', typeid, args, kwds)
        return self._registry[typeid][1](self._channel, self._key, oid)

    def shutdown(self):
        """Stop the server process (proxies become unusable)."""
        if self._channel is None:
            return
        channel, self._channel = self._channel, None
        try:
            channel.call('#shutdown', None)
        except (EOFError, OSError):
            pass
        self._process.join(5)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
        channel.close()
        _channels.pop(self._key, None)

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    @property
    def address(self):
        return None

    def __enter__(self):
        if self._process is None:
            self.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()


def _pipe(r_private, w_private):
    """A one-way pipe as two Connections (_mp.pipe: private ends as asked)."""
    r, w = _mp.pipe(r_private, w_private)
    return connection.Connection(r, None, True, False), connection.Connection(None, w, False, True)


def _creator(typeid):
    def create(self, *args, **kwds):
        return self._create(typeid, *args, **kwds)
    create.__name__ = typeid
    return create


class SyncManager(BaseManager):
    """BaseManager with CPython's SyncManager types."""


for _typeid, _callable, _proxy in (
        ('dict', dict, DictProxy), ('list', list, ListProxy),
        ('Value', Value, ValueProxy), ('Lock', threading.Lock, AcquirerProxy),
        ('Queue', queue.Queue, QueueProxy),
        ('JoinableQueue', queue.Queue, QueueProxy), ('Event', threading.Event, EventProxy),
        ('Namespace', Namespace, NamespaceProxy)):
    SyncManager.register(_typeid, _callable, _proxy)
