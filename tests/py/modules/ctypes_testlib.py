# ctypes against the _ctypes_test library (CPython's test helper; gilpy builds
# its own beside the binary): every scalar type through tf_*, structures passed
# and returned by value, arrays inside structures, callbacks with many int and
# double arguments and with a structure, and in_dll globals.
import _ctypes_test
from ctypes import *

dll = CDLL(_ctypes_test.__file__)


def last():
    return c_longlong.in_dll(dll, "last_tf_arg_s").value, c_ulonglong.in_dll(dll, "last_tf_arg_u").value


for name, typ, arg in [("b", c_byte, -126), ("B", c_ubyte, 255), ("h", c_short, -32766),
                       ("H", c_ushort, 65535), ("i", c_int, -2147483646), ("I", c_uint, 4294967295),
                       ("l", c_long, -2**62), ("L", c_ulong, 2**64 - 1), ("q", c_longlong, -2**63 + 2),
                       ("Q", c_ulonglong, 2**64 - 1), ("f", c_float, -42.0), ("d", c_double, 42.0),
                       ("D", c_longdouble, 42.0)]:
    f = getattr(dll, "tf_" + name)
    f.restype = typ
    f.argtypes = (typ,)
    g = getattr(dll, "tf_b" + name)
    g.restype = typ
    g.argtypes = (c_byte, typ)
    print(name, f(arg), last(), g(0, arg), last())

f = dll._testfunc_i_bhilfd
f.argtypes = [c_byte, c_short, c_int, c_long, c_float, c_double]
print(f(1, 2, 3, 4, 5.0, 6.0), f(-1, -2, -3, -4, -5.0, -6.0))
f.restype = c_wchar
f.argtypes = [c_byte, c_wchar, c_int, c_long, c_float, c_double]
print(repr(f(1, "x", 3, 4, 5.0, 6.0)))
q = dll._testfunc_q_bhilfdq
q.restype = c_longlong
q.argtypes = [c_byte, c_short, c_int, c_long, c_float, c_double, c_longlong]
print(q(1, 2, 3, 4, 5.0, 6.0, 21))
res = c_int()
dll._testfunc_v.restype = None
print(dll._testfunc_v(1, 2, byref(res)), res.value)

an_integer = c_int.in_dll(dll, "an_integer")
x = an_integer.value
an_integer.value = x * 2
print(x, dll.get_an_integer())
an_integer.value = x


class POINT(Structure):
    _fields_ = [("x", c_int), ("y", c_int)]


class S8I(Structure):
    _fields_ = [(n, c_int) for n in "abcdefgh"]


class Large(Structure):
    _fields_ = [("first", c_ulong), ("second", c_ulong), ("third", c_ulong)]


pt = POINT()
print(dll._testfunc_byval(POINT(1, 2), byref(pt)), pt.x, pt.y)
dll.ret_8i_func.restype = S8I
dll.ret_8i_func.argtypes = [S8I]
r = dll.ret_8i_func(S8I(9, 8, 7, 6, 5, 4, 3, 2))
print([getattr(r, n) for n in "abcdefgh"])
big = Large(0xdeadbeef, 0xcafebabe, 0x0bad1dea)
upd = dll._testfunc_large_struct_update_value
upd.argtypes = (Large,)
upd.restype = None
upd(big)
print(hex(big.first), hex(big.second), hex(big.third))


class Bytes16(Structure):
    _fields_ = [("data", c_ubyte * 16)]


class Doubles2(Structure):
    _fields_ = [("data", c_double * 2)]


s = Bytes16()
for k in range(16):
    s.data[k] = k
a1 = dll._testfunc_array_in_struct1
a1.restype = c_int
a1.argtypes = (Bytes16,)
a2 = dll._testfunc_array_in_struct2
a2.restype = c_double
a2.argtypes = (Doubles2,)
print(a1(s), list(s.data)[:4], a2(Doubles2((1.5, 2.25))))

INT5 = CFUNCTYPE(c_int, c_int, c_int, c_int, c_int, c_int)
f = dll._testfunc_cbk_reg_int
f.argtypes = (c_int, c_int, c_int, c_int, c_int, INT5)
f.restype = c_int
print(f(2, 3, 4, 5, 6, INT5(lambda *a: sum(a))))
DBL5 = CFUNCTYPE(c_double, c_double, c_double, c_double, c_double, c_double)
f = dll._testfunc_cbk_reg_double
f.argtypes = (c_double,) * 5 + (DBL5,)
f.restype = c_double
print(f(1.5, 2.0, 2.5, 3.0, 3.5, DBL5(lambda *a: sum(a))))
got = []
LCB = CFUNCTYPE(None, Large)
f = dll._testfunc_cbk_large_struct
f.argtypes = (Large, LCB)
f.restype = None
f(big, LCB(lambda s: got.append((hex(s.first), hex(s.third)))))
print(got)
integrate = dll.integrate
integrate.argtypes = (c_double, c_double, CFUNCTYPE(c_double, c_double), c_long)
integrate.restype = c_double
print(round(integrate(0.0, 1.0, CFUNCTYPE(c_double, c_double)(lambda x: x * x), 100), 4))
cb = dll._testfunc_callback_i_if
print(cb(-10, CFUNCTYPE(c_int, c_int)(lambda v: v)))
cq = dll._testfunc_callback_q_qf
cq.restype = c_longlong
cq.argtypes = [c_longlong, CFUNCTYPE(c_longlong, c_longlong)]
print(cq(10**12, CFUNCTYPE(c_longlong, c_longlong)(lambda v: v & 0x7FFFFFFF)))
dll.my_strdup.restype = POINTER(c_char)
p = dll.my_strdup(b"duplicate")
print(p[:9])
dll.my_free.restype = None
dll.my_free(p)
get_strchr = dll.get_strchr
get_strchr.restype = CFUNCTYPE(c_char_p, c_char_p, c_char)
print(get_strchr()(b"abcdef", b"c"))
proto = CFUNCTYPE(c_void_p, c_void_p)
pf = proto(("_testfunc_p_p", dll), ((1, "input"),))
try:
    pf()
except TypeError as e:
    print(e)
print(pf(None), pf(input=None))
