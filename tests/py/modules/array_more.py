# array.array: conversions per typecode, slice assignment, subclasses, _array_reconstructor's machine formats
from array import array
import array as M
def show(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class Idx:
    def __index__(self): return 7
for tc in 'bBhHiIlLqQ':
    for v in [1.5, 'a', 2**64, -2**64, 2**65, Idx(), True, None]:
        print(tc, repr(v)[:10], end=' '); show(lambda: array(tc, [v]))
for tc in 'fd':
    for v in [Idx(), 2**1024, '1', None, 3]:
        print(tc, repr(v)[:10], end=' '); show(lambda: array(tc, [v]))
show(lambda: array('u', [None]))
show(lambda: array('u', ['\U0010ffff']).tobytes())
a = array('i', [1,2,3,4,5])
a[1:3] = array('i'); print(a)
a[::2] = array('i', [9,9]); print(a)
del a[::2]; print(a)
a = array('i', range(10)); del a[1:8:3]; print(a)
a = array('i', range(10)); a[2:5] = a; print(a)
a = array('i', range(4)); a += a; print(a)
a = array('i', range(4)); a.extend(a); print(a)
a = array('i', range(4)); a *= 0; print(a)
show(lambda: array('i', [1]) + 1)
show(lambda: array('i', [1]).__add__(1))
def iadd():
    a = array('i', [1]); a += [1]
show(iadd)
def iadd2():
    a = array('i', [1]); a += array('b', [1])
show(iadd2)
def imul():
    a = array('i', [1]); a *= 'x'
show(imul)
show(lambda: array('i', [1]) * (2**62))
show(lambda: array('i', [1,2]).index(2, 0, -1))
show(lambda: array('u', 'abc').tounicode())
show(lambda: array('u', 'abc').tolist())
show(lambda: array('u', 'abc').index('b'))
show(lambda: array('u', 'abc').count(98))
show(lambda: array('u', 'abc') + array('u', 'd'))
show(lambda: array('u', 'abc') < array('u', 'abd'))
show(lambda: array('u', 'abc') == array('i', [97,98,99]))
show(lambda: array('f', [1.5]) == array('d', [1.5]))
show(lambda: array('d', [1]).__repr__())
show(lambda: repr(array('d', [1e100, -0.0, float('inf')])))
class Sub(array):
    pass
s = Sub('i', [1, 2])
print(repr(s), type(s[0:1]), type(s + s), type(s * 2), s.__reduce_ex__(3)[1][0], s.__reduce_ex__(2))
s.x = 5
print(s.__reduce_ex__(2), s.__reduce_ex__(3)[2])
class Sub2(array):
    def __new__(cls, tc, data, extra): 
        self = super().__new__(cls, tc, data); self.extra = extra; return self
    def __init__(self, *a): pass
print(Sub2('i', [1], 'e').extra)
show(lambda: array('i', [1, 2]).tolist())
show(lambda: array('b', [1, 2]).reverse())
x = array('h', [1, 2, 3]); x.byteswap(); print(x)
x = array('d', [1.0]); x.byteswap(); print(x.tobytes())
x = array('i', [1,2]); x.frombytes(bytearray(b'\x05\x00\x00\x00')); print(x)
x = array('i', [1,2]); x.fromlist([3,4]); print(x)
x = array('i', [1,2]); show(lambda: x.fromlist([3, 'y'])); print(x)
x = array('i', [1,2]); show(lambda: x.extend([3, 'y'])); print(x)
x = array('u', 'a'); x.fromunicode('bc'); print(x)
x = array('i', [1,2,3]); print(x.pop(), x.pop(0), x, x.insert(5, 9), x, x.insert(-1, 8), x)
x = array('i', [1,2,3]); x.append(4); x.remove(2); print(x, len(x), x[-1], x[1:], x[-100:100])
show(lambda: array('i', [1,2,3])[10:])
show(lambda: array('i', 5))
show(lambda: array('b', bytearray(b'ab')))
show(lambda: array('B', memoryview(b'ab')))
show(lambda: array('i', (x for x in [1,2])))
show(lambda: M._array_reconstructor(array, 'i', 10))
show(lambda: M._array_reconstructor(array, 'i', 10, 'x'))
show(lambda: M._array_reconstructor(array, 1, 10, b''))
show(lambda: M._array_reconstructor(array, 'i', 'x', b''))
show(lambda: M._array_reconstructor(1, 'i', 10, b''))
for code in range(-1, 23):
    show(lambda: M._array_reconstructor(array, 'd', code, b'\x00\x00\x00\x00\x00\x00\xf0\x3f'))
show(lambda: M._array_reconstructor(array, 'u', 21, b'\x00\x00\x00a'))
show(lambda: M._array_reconstructor(array, 'u', 18, b'a\x00'))
show(lambda: M._array_reconstructor(array, 'i', 5, b'\x01\x00\x00\x00'))
show(lambda: M._array_reconstructor(array, 'h', 10, b'\x01\x00\x00\x00'))
show(lambda: M._array_reconstructor(array, 'q', 1, b'\x01\x02'))
show(lambda: M._array_reconstructor(array, 'b', 1, b'\x01\x02'))
show(lambda: M._array_reconstructor(array, 'B', 0, b'\x01\x02'))
show(lambda: M._array_reconstructor(array, 'd', 14, b'\x00\x00\xc0\x3f'))
show(lambda: M._array_reconstructor(array, 'f', 17, b'\x00\x00\x00\x00\x00\x00\xf0\x3f'))
show(lambda: M._array_reconstructor(array, 'L', 8, b'\x01\x00\x00\x00'))
show(lambda: M._array_reconstructor(array, 'l', 13, b'\x00\x00\x00\x00\x00\x00\x00\x01'))
show(lambda: M._array_reconstructor(array, 'b', 3, b'\x00\x01\x00\xff'))
show(lambda: M._array_reconstructor(array, 'b', 2, b'\x00\x01\x00\xff'))
