"""Names for the interpreter's built-in types, and types.coroutine (gilpy's types).

Design: every type is taken from an object of that type, as CPython's types.py
does, so the names always agree with type(x).  coroutine() marks a generator
function's code with CO_ITERABLE_COROUTINE (0x100) through code.replace, so
that `await` accepts the generators it makes; any other callable is wrapped so
that a generator it returns is awaitable too.
"""
import sys

__all__ = ['FunctionType', 'LambdaType', 'CodeType', 'MappingProxyType', 'SimpleNamespace',
           'CellType', 'GeneratorType', 'CoroutineType', 'AsyncGeneratorType', 'MethodType',
           'BuiltinFunctionType', 'BuiltinMethodType', 'WrapperDescriptorType',
           'MethodWrapperType', 'MethodDescriptorType', 'ClassMethodDescriptorType',
           'ModuleType', 'TracebackType', 'FrameType', 'GetSetDescriptorType',
           'MemberDescriptorType', 'GenericAlias', 'UnionType', 'EllipsisType', 'NoneType',
           'NotImplementedType', 'new_class', 'resolve_bases', 'prepare_class', 'coroutine']


def _f(): pass
FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)


def _cell_factory():
    a = 1
    def f():
        nonlocal a
    return f.__closure__[0]
CellType = type(_cell_factory())


def _g():
    yield 1
GeneratorType = type(_g())


async def _c(): pass
_c = _c()
CoroutineType = type(_c)
_c.close()


async def _ag():
    yield
AsyncGeneratorType = type(_ag())


class _C:
    def _m(self): pass
MethodType = type(_C()._m)

BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
ModuleType = type(sys)

try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)
    FrameType = type(sys._getframe())

GetSetDescriptorType = type(FunctionType.__code__)


class _S:
    __slots__ = ('a',)
MemberDescriptorType = type(_S.__dict__['a'])

GenericAlias = type(list[int])
UnionType = type(int | str)
EllipsisType = type(Ellipsis)
NoneType = type(None)
NotImplementedType = type(NotImplemented)

del sys, _f, _cell_factory, _g, _c, _ag, _C, _S


class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = (f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({', '.join(items)})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases[i + shift:i + shift + 1] = new_base
        shift += len(new_base) - 1
    return tuple(new_bases) if updated else bases


def _calculate_meta(meta, bases):
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases")
    return winner


def prepare_class(name, bases=(), kwds=None):
    """Call the __prepare__ method of the appropriate metaclass."""
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)


_CO_GENERATOR = 0x20
_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100


def coroutine(func):
    """Convert regular generator function to a coroutine."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    if func.__class__ is FunctionType and getattr(func, '__code__', None).__class__ is CodeType:
        co_flags = func.__code__.co_flags
        if co_flags & (_CO_COROUTINE | _CO_ITERABLE_COROUTINE):
            return func
        if co_flags & _CO_GENERATOR:
            func.__code__ = func.__code__.replace(co_flags=co_flags | _CO_ITERABLE_COROUTINE)
            return func

    def wrapped(*args, **kwargs):
        coro = func(*args, **kwargs)
        if coro.__class__ is CoroutineType or coro.__class__ is GeneratorType and \
                coro.gi_code.co_flags & _CO_ITERABLE_COROUTINE:
            return coro
        if coro.__class__ is GeneratorType:
            return _GeneratorWrapper(coro)
        return coro
    wrapped.__name__ = getattr(func, '__name__', 'wrapped')
    wrapped.__qualname__ = getattr(func, '__qualname__', wrapped.__name__)
    wrapped.__doc__ = getattr(func, '__doc__', None)
    wrapped.__wrapped__ = func
    return wrapped


class _GeneratorWrapper:
    """An awaitable view of a plain generator (what coroutine() returns for one)."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, tp, *rest):
        return self.__wrapped.throw(tp, *rest)

    def close(self):
        return self.__wrapped.close()

    @property
    def gi_code(self):
        return self.__wrapped.gi_code

    @property
    def gi_frame(self):
        return self.__wrapped.gi_frame

    @property
    def gi_running(self):
        return self.__wrapped.gi_running

    @property
    def gi_yieldfrom(self):
        return self.__wrapped.gi_yieldfrom

    cr_code = gi_code
    cr_frame = gi_frame
    cr_running = gi_running
    cr_await = gi_yieldfrom

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        return self

    __await__ = __iter__
