# ctypes over _ctypes: simple types, arrays, pointers, structures, unions,
# bit fields, byte order, buffers and pickling (compared with CPython 3.11).
from ctypes import *
import pickle


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for typ in (c_byte, c_ubyte, c_short, c_int, c_uint, c_long, c_longlong, c_size_t, c_float,
            c_double, c_bool, c_char, c_wchar, c_void_p, c_char_p, c_wchar_p, py_object):
    print(typ.__name__, sizeof(typ), alignment(typ))
print(c_int(5), c_byte(300).value, c_uint(-1).value, c_double(2.5).value, c_bool(7).value)
print(c_char(b"x").value, c_wchar("y").value, c_char_p(b"abc").value, c_wchar_p("wide").value)
print(c_void_p(None).value, c_void_p(16).value, py_object([1, 2]).value, py_object(0.0).value)
t(lambda: c_int("x"))
t(lambda: c_double("x"))
t(lambda: c_char(b"ab"))
t(lambda: c_char_p(3.5))
t(lambda: py_object().value)
t(lambda: sizeof(Structure))
t(lambda: c_int.from_param(5))
t(lambda: c_int.from_param("x"))
t(lambda: byref(3))
t(lambda: POINTER(3))


class MyInt(c_int):
    pass


print(type(MyInt(3)).__name__, MyInt(3).value, bool(c_int(0)), bool(c_int(1)))

# arrays
A = c_int * 5
a = A(1, 2, 3)
print(A.__name__, A is c_int * 5, len(a), list(a), a[1:4], a[::-2], a[-1])
a[4] = 9
a[0:2] = [7, 8]
print(list(a))
t(lambda: a[5])
t(lambda: a.__setitem__(slice(0, 2), [1]))
t(lambda: (c_int * -1))
s = create_string_buffer(b"hello", 8)
print(sizeof(s), s.raw, s.value, s[1:3])
s.value = b"hi"
print(s.raw)
u = create_unicode_buffer("hello")
print(len(u), u.value, u[1:3])
M = (c_int * 3) * 2
m = M((1, 2, 3), (4, 5, 6))
print(M.__name__, [list(r) for r in m])

# pointers
i = c_int(42)
p = pointer(i)
print(p.contents.value, p[0], type(p).__name__, POINTER(c_int) is type(p))
p[0] = 43
print(i.value, bool(p), bool(POINTER(c_int)()))
t(lambda: POINTER(c_int)().contents)
pa = cast(a, POINTER(c_int))
print(pa[0], pa[4], pa[1:3])
print(cast(s, c_char_p).value, cast(c_void_p(addressof(i)), POINTER(c_int)).contents.value)


# structures
class POINT(Structure):
    _fields_ = [("x", c_int), ("y", c_int)]


class RECT(Structure):
    _fields_ = [("a", POINT), ("b", POINT), ("name", c_char * 6), ("next", POINTER(POINT))]


r = RECT(POINT(1, 2), (3, 4), b"rect")
print(sizeof(RECT), RECT.a, RECT.name, r.a.x, r.b.y, r.name, bool(r.next))
r.next = pointer(r.a)
print(r.next.contents.y)
print(POINT.x, POINT.y.offset, POINT.y.size)
t(lambda: POINT(1, 2, 3))
t(lambda: POINT(1, x=2))


class Bits(Structure):
    _fields_ = [("a", c_uint, 3), ("b", c_int, 5), ("c", c_ubyte, 2), ("d", c_longlong, 40)]


bb = Bits(5, -3, 3, -1)
print(sizeof(Bits), Bits.a, Bits.b, Bits.c, Bits.d, bb.a, bb.b, bb.c, bb.d, bytes(bb).hex())


class Packed(Structure):
    _pack_ = 1
    _fields_ = [("c", c_char), ("i", c_int), ("d", c_double)]


print(sizeof(Packed), Packed.i, Packed.d)


class U(Union):
    _fields_ = [("i", c_uint), ("b", c_ubyte * 4)]


class WithAnon(Structure):
    _anonymous_ = ("u",)
    _fields_ = [("tag", c_int), ("u", U)]


w = WithAnon()
w.i = 0x01020304
print(sizeof(U), list(w.b), w.u.i == w.i, WithAnon.i)


class BE(BigEndianStructure):
    _fields_ = [("a", c_int), ("b", c_short), ("f", c_ushort, 4), ("g", c_ushort, 12)]


class LE(LittleEndianStructure):
    _fields_ = [("a", c_int), ("b", c_short)]


be = BE(0x01020304, -2, 3, 0x123)
print(bytes(be).hex(), be.a, be.b, be.f, be.g, bytes(LE(0x01020304, -2)).hex())
print(c_int.__ctype_be__.__name__, c_int.__ctype_be__(258).value)

# memory functions and buffers
buf = create_string_buffer(16)
memset(buf, ord("a"), 4)
memmove(byref(buf, 4), b"bcd", 3)
print(buf.value, string_at(buf, 3), string_at(addressof(buf)), wstring_at(u))
print(bytes(c_int(0x01020304)), memoryview(POINT(1, 2)).tobytes(), bytes(memoryview(a))[:8])
ba = bytearray(8)
x = c_int.from_buffer(ba, 4)
x.value = -1
print(ba, x._b_base_, x._objects is not None)
print(POINT.from_buffer_copy(b"\x01\x00\x00\x00\x02\x00\x00\x00").y)
t(lambda: c_int.from_buffer(b"abcd"))
t(lambda: c_double.from_buffer(bytearray(4)))
t(lambda: c_int.from_buffer(bytearray(8), -1))
y = c_int.from_address(addressof(i))
print(y.value)

# keeping referents alive
cp = c_char_p(b"kept")
print(cp._objects)
arr = (c_char_p * 2)(b"one", b"two")
print(sorted(arr._objects.items()), arr[1])

# pickling
print(pickle.loads(pickle.dumps(POINT(3, 4))).y, pickle.loads(pickle.dumps(c_double(1.25))).value)
t(lambda: pickle.dumps(c_void_p(0)))
t(lambda: pickle.dumps(RECT()))
t(lambda: setattr(POINT, "_fields_", [("x", c_int)]))
