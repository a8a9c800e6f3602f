# A bytearray cannot resize while a memoryview of it is held (BufferError), and can again once the views are released or dropped; readinto fills writable views.
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
ba = bytearray(b'abcdef')
m = memoryview(ba)
m2 = m[1:]
m3 = memoryview(m)
show(lambda: ba.append(1))
show(lambda: ba.extend(b'x'))
show(lambda: ba.pop())
show(lambda: ba.insert(0, 1))
show(lambda: ba.remove(97))
show(lambda: ba.clear())
show(lambda: ba.__delitem__(0))
show(lambda: ba.__delitem__(slice(0, 6, 2)))
show(lambda: ba.__setitem__(slice(0, 2), b'x'))
show(lambda: ba.__setitem__(slice(0, 2), b'XY'))
show(lambda: ba.__iadd__(b'x'))
show(lambda: ba.__iadd__(b''))
show(lambda: ba.__imul__(2))
show(lambda: ba.__imul__(1))
show(lambda: ba.__init__(b'abcdef'))
show(lambda: ba.extend([]))
show(lambda: ba.reverse())
show(lambda: ba)
m.release()
print(m2[0], m3[0])
show(lambda: ba.append(1))
m2.release(); m3.release()
show(lambda: ba.append(1)); print(ba)
m = memoryview(ba)
with m:
    n = memoryview(m)
print(noaddr(repr(m)), n[0])
show(lambda: ba.append(2))
n.release()
show(lambda: ba.append(2))
m = memoryview(ba); del m; ba.append(3); print('dropped ok')
x = bytes(memoryview(ba)[1:3]); ba.extend(b'zz'); print(x, ba)
def loop():
    buf = bytearray(b'0123456789')
    for i in range(200):
        v = memoryview(buf)
        w = v[2:5]
        assert w.tobytes() == buf[2:5]
        w.release(); v.release()
        buf.append(48 + i % 10)
    return len(buf)
print(loop())
# toreadonly views and hashing
r = memoryview(ba).toreadonly()
show(lambda: r.readonly); show(lambda: hash(r)); show(lambda: r.__setitem__(0, 1))
r.release()
# exports through bytes(), readinto, file writes do not linger
import os
path = os.path.abspath(__file__)
buf = bytearray(16)
with open(path, 'rb') as f:
    show(lambda: f.readinto(buf))
    show(lambda: f.readinto(memoryview(buf)[2:6]))
    show(lambda: f.readinto(memoryview(buf)[::2]))
    show(lambda: f.readinto(b'abc'))
    show(lambda: f.readinto(memoryview(bytearray(4)).toreadonly()))
buf.append(1)
print(len(buf))
# release while exported (a buffer held by a C consumer is not observable from Python)
mv = memoryview(bytearray(b'ab'))
mv.release(); mv.release()
show(lambda: mv.release())

# Views passed to Python functions, generators and constructors, then dropped, do not hold the bytearray.
ba = bytearray(b'abcdef')
def f(v): return v[0]
print(f(memoryview(ba)[1:3]))
ba.append(1)
def g(v, *, k): return bytes(v)
print(g(memoryview(ba)[:2], k=1))
ba.append(2)
def gen(v):
    yield v[0]
print(list(gen(memoryview(ba))))
ba.append(3)
class C:
    def __init__(self, v): self.n = len(v)
print(C(memoryview(ba)).n)
ba.append(4)
print([x for x in memoryview(ba)[:3]])
ba.append(5)
keep = memoryview(ba)
try: ba.append(6)
except BufferError as e: print('BufferError', e)
holder = [memoryview(ba)[2:]]
keep.release()
try: ba.append(6)
except BufferError as e: print('BufferError', e)
holder.clear()
ba.append(6)
print(ba)
