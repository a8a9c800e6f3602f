# ctypes calling libc through _ctypes and libffi: argtypes, restype, errcheck,
# errno, _as_parameter_, from_param, callbacks (qsort), threads running while a
# foreign call blocks, and structures over mmap memory as multiprocessing's
# sharedctypes builds them (compared with CPython 3.11).
from ctypes import *
import ctypes.util
import mmap
import threading
import time


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(ctypes.util.find_library("c"))
libc = CDLL("libc.so.6")
this = CDLL(None)
print(libc.strlen(b"hello"), this.abs(-7), libc.labs(-2**40) if False else "")
t(lambda: libc.strlen(3.5))
t(lambda: libc.no_such_function)
strchr = libc.strchr
strchr.restype = c_char_p
strchr.argtypes = [c_char_p, c_int]
print(strchr(b"abcdef", ord("d")), strchr(b"abc", ord("z")))
t(lambda: strchr(1, 2))
t(lambda: strchr(b"x"))
print(strchr.argtypes, strchr.restype)

labs = libc.labs
labs.restype = c_long
labs.argtypes = (c_long,)
print(labs(-2**40))
sqrt = CDLL(ctypes.util.find_library("m")).sqrt
sqrt.restype = c_double
sqrt.argtypes = [c_double]
print(sqrt(2.0), sqrt(16))


def check(result, func, args):
    return ("checked", result, args)


getpid = libc.getpid
getpid.errcheck = check
print(getpid()[0], getpid.errcheck is check)


class Wrapped:
    def __init__(self, v):
        self._as_parameter_ = v


print(libc.strlen(Wrapped(b"four")))


class Path:
    @classmethod
    def from_param(cls, obj):
        return obj.encode()


strlen = libc.strlen
strlen.argtypes = [Path]
print(strlen("six..."))

# errno
set_errno(0)
le = CDLL("libc.so.6", use_errno=True)
print(le.close(-1), get_errno(), set_errno(5), get_errno())

# callbacks
CMP = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
calls = []


def cmp(a, b):
    calls.append(1)
    return a[0] - b[0]


arr = (c_int * 8)(5, 1, 7, 33, 99, -3, 0, 2)
libc.qsort(arr, len(arr), sizeof(c_int), CMP(cmp))
print(list(arr), len(calls) > 0)
CB = CFUNCTYPE(c_double, c_double, c_int)
cb = CB(lambda x, n: x * n)
print(cb(1.5, 4), type(cb).__name__)
t(lambda: CFUNCTYPE(c_int)(3.5))


def bad(a, b):
    raise ValueError("in callback")


arr2 = (c_int * 2)(2, 1)
libc.qsort(arr2, 2, sizeof(c_int), CMP(bad))
print(sorted(arr2))

# a foreign call that blocks releases the GIL: a thread runs meanwhile
ticks = []


def worker():
    for _ in range(5):
        ticks.append(1)
        time.sleep(0.01)


th = threading.Thread(target=worker)
th.start()
libc.usleep(300000)
th.join()
print("ticks while C slept:", len(ticks))

# a callback from a foreign call running in another Python thread
out = []


def in_thread():
    a = (c_int * 4)(4, 3, 2, 1)
    libc.qsort(a, 4, sizeof(c_int), CMP(lambda x, y: x[0] - y[0]))
    out.append(list(a))


threads = [threading.Thread(target=in_thread) for _ in range(3)]
for x in threads:
    x.start()
for x in threads:
    x.join()
print(out)


# sharedctypes-style memory: a Structure over an anonymous shared mapping
class Shared(Structure):
    _fields_ = [("count", c_int), ("total", c_double), ("items", c_double * 4)]


m = mmap.mmap(-1, 4096)
sh = Shared.from_buffer(m)
sh.count = 3
sh.total = 1.5
sh.items[2] = 8.25
print(sh.count, sh.total, list(sh.items), m[:4])
v = c_double.from_buffer(m, 64)
v.value = 3.75
print(c_double.from_buffer_copy(m, 64).value)
del sh, v
