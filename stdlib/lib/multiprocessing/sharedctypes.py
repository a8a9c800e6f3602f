"""multiprocessing.sharedctypes: Value and Array in shared memory (gilpy).

Design: the items live in a _mp.Buffer (anonymous MAP_SHARED memory mapped
before fork, stdlib/mod_mp.c), read and written by typecode; there is no
ctypes.  Value/Array wrap the raw object with an RLock unless lock=False.
"""

import _mp
from .synchronize import RLock

__all__ = ['RawValue', 'RawArray', 'Value', 'Array']

_SIZES = {'b': 1, 'B': 1, 'c': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8,
          'q': 8, 'Q': 8, 'f': 4, 'd': 8}
_NAMES = {'b': 'c_byte', 'B': 'c_ubyte', 'c': 'c_char', 'h': 'c_short', 'H': 'c_ushort',
          'i': 'c_int', 'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong', 'q': 'c_longlong',
          'Q': 'c_ulonglong', 'f': 'c_float', 'd': 'c_double'}


def _check_typecode(typecode):
    if typecode not in _SIZES:
        raise TypeError("unsupported typecode %r (gilpy has no ctypes)" % (typecode,))


def _zero(typecode):
    return b'\x00' if typecode == 'c' else 0.0 if typecode in 'fd' else 0


class RawValueType:
    def __init__(self, typecode, *args):
        _check_typecode(typecode)
        self._typecode = typecode
        self._buf = _mp.Buffer(_SIZES[typecode])
        self.value = args[0] if args else _zero(typecode)

    @property
    def value(self):
        return self._buf.get(self._typecode, 0)

    @value.setter
    def value(self, v):
        self._buf.set(self._typecode, 0, v)

    def __repr__(self):
        return '%s(%r)' % (_NAMES[self._typecode], self.value)


class RawArrayType:
    def __init__(self, typecode, size_or_initializer):
        _check_typecode(typecode)
        self._typecode = typecode
        if isinstance(size_or_initializer, int):
            size, init = size_or_initializer, None
        else:
            init = list(size_or_initializer)
            size = len(init)
        self._len = size
        self._buf = _mp.Buffer(_SIZES[typecode] * size)
        if init is not None:
            if typecode == 'c' and isinstance(size_or_initializer, bytes):
                init = [bytes([b]) for b in size_or_initializer]
            for i, v in enumerate(init):
                self._buf.set(typecode, i, v)

    def __len__(self):
        return self._len

    def _index(self, i):
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("invalid index")
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            items = [self._buf.get(self._typecode, j) for j in range(*i.indices(self._len))]
            return b''.join(items) if self._typecode == 'c' else items
        return self._buf.get(self._typecode, self._index(i))

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            idx = range(*i.indices(self._len))
            if self._typecode == 'c' and isinstance(v, bytes):
                v = [bytes([b]) for b in v]
            v = list(v)
            if len(v) != len(idx):
                raise ValueError("Can only assign sequence of same size")
            for j, x in zip(idx, v):
                self._buf.set(self._typecode, j, x)
        else:
            self._buf.set(self._typecode, self._index(i), v)

    def __iter__(self):
        return iter(self[:])

    @property
    def value(self):
        if self._typecode != 'c':
            raise AttributeError("'%s_Array_%d' object has no attribute 'value'" % (_NAMES[self._typecode], self._len))
        return self[:].split(b'\x00', 1)[0]

    @value.setter
    def value(self, v):
        if len(v) > self._len:
            raise ValueError("byte string too long")
        self[:len(v)] = v
        if len(v) < self._len:
            self[len(v)] = b'\x00'

    @property
    def raw(self):
        return self[:]

    def __repr__(self):
        return '<%s_Array_%d object at %#x>' % (_NAMES[self._typecode], self._len, id(self))


def RawValue(typecode_or_type, *args):
    """A shared value without a lock."""
    return RawValueType(typecode_or_type, *args)


def RawArray(typecode_or_type, size_or_initializer):
    """A shared array without a lock."""
    return RawArrayType(typecode_or_type, size_or_initializer)


class _Synchronized:
    def __init__(self, obj, lock=None):
        self._obj = obj
        self._lock = lock or RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v


class Synchronized(_Synchronized):
    def __repr__(self):
        return '<Synchronized wrapper for %r>' % (self._obj,)


class SynchronizedArray(_Synchronized):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, v):
        with self._lock:
            self._obj[i] = v

    def __iter__(self):
        return iter(self[:])

    def __repr__(self):
        return '<SynchronizedArray wrapper for %r>' % (self._obj,)


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A shared value, with a lock unless lock=False."""
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    return Synchronized(obj, None if lock in (True, None) else lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A shared array, with a lock unless lock=False."""
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    return SynchronizedArray(obj, None if lock in (True, None) else lock)
