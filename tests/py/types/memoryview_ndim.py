# memoryview: N-dimensional views from cast(), 0-dim views, comparisons across formats, bytes-like uses of views.
def noaddr(s):
    i = s.find(' at 0x')
    while i >= 0:
        j = i + 6
        while j < len(s) and s[j] in '0123456789abcdef':
            j += 1
        s = s[:i] + ' at ADDR' + s[j:]
        i = s.find(' at 0x')
    return s

def show(f):
    try:
        r = f()
        print(noaddr(repr(r)))
    except Exception as e:
        print(type(e).__name__, noaddr(str(e)))
def setit(o, k, v): o[k] = v
b = bytearray(range(24))
m2 = memoryview(b).cast('i', [2, 3])
show(lambda: (m2.tolist(), m2.shape, m2.strides, m2.ndim, m2.nbytes, len(m2), m2.c_contiguous, m2.f_contiguous))
show(lambda: m2.tobytes('F') == m2.tobytes()); show(lambda: m2.tobytes('A') == m2.tobytes())
show(lambda: m2.hex()[:16]); show(lambda: m2[1, 2]); show(lambda: m2[1, 2, 0]); show(lambda: m2[5, 0]); show(lambda: m2[1:]); show(lambda: m2[1, 1:]); show(lambda: list(m2)); show(lambda: m2.cast('B').shape)
show(lambda: m2.cast('B', [24]).shape); show(lambda: m2.cast('i', [3, 2]))
show(lambda: setit(m2, (1, 2), 7)); show(lambda: m2[1, 2])
show(lambda: memoryview(bytearray(4)).cast('B', [0]))
show(lambda: memoryview(bytearray(4)).cast('B', [-1]))
show(lambda: memoryview(bytearray(4)).cast('B', [1.0]))
show(lambda: memoryview(bytearray(4)).cast('B', 4))
show(lambda: memoryview(bytearray(4)).cast('B', [1] * 65))
show(lambda: memoryview(bytearray(2)).cast('B', [1] * 64).ndim)
z = memoryview(bytearray(b'\x05')).cast('B', [])
show(lambda: (z.ndim, z.shape, z.strides, z.tolist(), z.tobytes(), z[()], z.nbytes))
show(lambda: len(z)); show(lambda: z[0]); show(lambda: z[...] is z); show(lambda: setit(z, (), 9)); show(lambda: z.tolist()); show(lambda: list(z))
show(lambda: setit(z, ..., 3))
w = memoryview(bytearray(b'abcdef'))
show(lambda: setit(w, slice(None), b'zzzzzz')); show(lambda: setit(w, ..., b'x')); show(lambda: w[...].tobytes())
show(lambda: setit(w, slice(None, None, -1), b'123456')); show(lambda: w.tobytes())
show(lambda: setit(w, 1.5, 1)); show(lambda: setit(w, (1,), 1)); show(lambda: setit(w, 10, 1))
show(lambda: memoryview(b'ab') == memoryview(bytearray(b'ab')).cast('c'))
show(lambda: memoryview(bytearray(8)).cast('i') == memoryview(bytearray(8)).cast('I'))
show(lambda: memoryview(bytearray(8)).cast('i') == memoryview(bytearray(8)).cast('f'))
show(lambda: memoryview(bytearray(8)).cast('i') == [0, 0])
nan = memoryview(bytearray(b'\x00\x00\xc0\x7f')).cast('f')
show(lambda: (nan == nan, nan == memoryview(bytearray(b'\x00\x00\xc0\x7f')).cast('f'), nan.tolist()))
show(lambda: memoryview(bytearray(8)).cast('i').hex())
show(lambda: memoryview(b'abcdef')[::2].hex())
show(lambda: memoryview(b'abcdef')[::-2].tolist())
show(lambda: memoryview(b'')[:].tobytes()); show(lambda: memoryview(b'abc')[5:9].tobytes()); show(lambda: memoryview(b'abc')[1:0].shape)
ex = memoryview(bytearray(b'ab'))
e2 = ex[:]
show(lambda: (e2.obj is ex.obj, memoryview(ex).obj is ex.obj))
show(lambda: memoryview(b'abc')[1:][1:].tobytes())
show(lambda: memoryview(b'abc').__len__())
show(lambda: repr(memoryview(b'a'))[:11])
show(lambda: memoryview(b'abc').tolist.__doc__)
show(lambda: memoryview.__doc__)
show(lambda: memoryview(b'abc').count(98))
show(lambda: memoryview(b'a') + b'b')
show(lambda: b'a' + memoryview(b'b'))
show(lambda: bytearray(b'a') + memoryview(b'b'))
show(lambda: memoryview(b'abc') * 2)
show(lambda: int(memoryview(b'12')))
show(lambda: float(memoryview(b'1.5')))
show(lambda: str(memoryview(b'abc'), 'ascii'))
show(lambda: str(memoryview(b'abc')))
