# mmap: anonymous and file-backed maps, access modes, offset, the buffer protocol
# (memoryview, bytes, re, struct.pack_into, readinto), slicing, find, read/write,
# seek, resize, move, flush, madvise, close, errors
import mmap
import os
import re
import struct
import tempfile


def pread(fd, n, off):
    os.lseek(fd, off, 0)
    return os.read(fd, n)


def t(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, repr(r))
        return r
    except Exception as e:
        print(label, type(e).__name__, e)


print([n for n in dir(mmap) if not n.startswith('__')])
for n in sorted(dir(mmap)):
    if n.isupper():
        print(n, getattr(mmap, n))
print(mmap.error, mmap.mmap, mmap.mmap.__module__, mmap.mmap.__name__)
print(sorted(n for n in dir(mmap.mmap) if not n.startswith('__')))

# ---- anonymous memory
m = mmap.mmap(-1, 10)
print(repr(m), len(m), m.closed, m.tell())
m[:] = b'0123456789'
print(m[:], m[0], m[-1], m[2:5], m[::-1], m[1:8:3], m[8:2], m[-3:])
print(list(m)[:3], b'3' in m, b'x' in m, 51 in m)
print(type(iter(m)).__name__)
t('find', m.find, b'3')
t('find start', m.find, b'3', 4)
t('find neg', m.find, b'8', -3)
t('find end', m.find, b'8', 0, 8)
t('find empty', m.find, b'', 3)
t('find empty big', m.find, b'', 30)
t('rfind', m.rfind, b'')
t('find mv', m.find, memoryview(b'45'))
t('find ba', m.find, bytearray(b'9'))
t('find str', m.find, '3')
t('find int', m.find, 99)
t('find none', m.find, b'3', None)
t('find float', m.find, b'3', 1.0)
t('find huge', m.find, b'3', 2**70)
t('find kw', m.find, sub=b'3')
t('find args', m.find)
t('read', m.read, 3)
print(m.tell())
t('find from pos', m.find, b'1')
t('rfind from pos', m.rfind, b'9')
t('rfind window', m.rfind, b'1', 0, 4)
t('read none', m.read, None)
t('read neg', m.read, -1)
m.seek(2)
t('read str', m.read, 'x')
t('read huge', m.read, 2**70)
t('read big', m.read, 100)
t('read at end', m.read)
t('read_byte end', m.read_byte)
m.seek(0)
t('read_byte', m.read_byte)
t('seek cur', m.seek, 3, os.SEEK_CUR)
print(m.tell())
t('seek end', m.seek, -2, os.SEEK_END)
print(m.tell())
t('seek neg', m.seek, -1)
t('seek past', m.seek, 11)
t('seek end+1', m.seek, 1, 2)
t('seek whence', m.seek, 0, 5)
t('seek huge', m.seek, 2**70)
t('seek kw', m.seek, pos=1)
m.seek(0)
t('write', m.write, b'ab\ncd\n')
print(m.tell(), m[:])
m.seek(0)
t('readline', m.readline)
t('readline', m.readline)
t('readline', m.readline)
t('readline', m.readline)
m.seek(8)
t('write too much', m.write, b'xyz')
t('write str', m.write, 'ab')
t('write ba', m.write, bytearray(b'YZ'))
t('write empty', m.write, b'')
t('write_byte end', m.write_byte, 65)
m.seek(0)
t('write_byte', m.write_byte, 65)
t('write_byte 256', m.write_byte, 256)
t('write_byte -1', m.write_byte, -1)
t('write_byte bytes', m.write_byte, b'a')
t('write_byte float', m.write_byte, 1.0)
print(m[:])

# item and slice assignment
m[0] = 122
m[-1] = 33
m[1:3] = b'QR'
m[4:10:2] = b'xyz'
print(m[:])
t('set 256', m.__setitem__, 0, 256)
t('set -1', m.__setitem__, 0, -1)
t('set bytes', m.__setitem__, 0, b'a')
t('set float', m.__setitem__, 0, 1.0)
t('set str idx', m.__setitem__, 'x', 1)
t('set oob', m.__setitem__, 20, 1)
t('set oob neg', m.__setitem__, -11, 1)
t('set slice size', m.__setitem__, slice(0, 2), b'abc')
t('set slice str', m.__setitem__, slice(0, 2), 'ab')
t('set slice list', m.__setitem__, slice(0, 2), [1, 2])
t('get str', m.__getitem__, 'a')
t('get oob', m.__getitem__, 10)
t('get oob neg', m.__getitem__, -11)
t('get huge', m.__getitem__, 2**70)
t('get float', m.__getitem__, 1.5)
try:
    del m[0]
except TypeError as e:
    print(e)
try:
    del m[0:1]
except TypeError as e:
    print(e)
t('concat', lambda: m + m)
t('repeat', lambda: m * 2)

# move, flush, madvise, resize
m[:] = b'0123456789'
t('move', m.move, 0, 5, 5)
print(m[:])
t('move bad', m.move, 0, 5, 6)
t('move neg', m.move, -1, 5, 1)
t('move args', m.move, 1)
t('flush', m.flush)
t('flush range', m.flush, 0, 10)
t('flush bad', m.flush, 0, 20)
t('flush neg', m.flush, -1)
t('flush unaligned', m.flush, 1, 2)
t('madvise', m.madvise, mmap.MADV_NORMAL)
t('madvise start', m.madvise, mmap.MADV_NORMAL, 20)
t('madvise len', m.madvise, mmap.MADV_NORMAL, 0, -1)
t('madvise big', m.madvise, mmap.MADV_NORMAL, 0, 2**62)
t('madvise bad', m.madvise, 9999)
t('size anon', m.size)
t('resize neg', m.resize, -1)
t('resize 0', m.resize, 0)
m.seek(10)
t('resize', m.resize, 20)
print(len(m), m.tell(), m[:])
m.seek(15)
t('resize down', m.resize, 12)
print(m.tell(), len(m), repr(m))
t('read past', m.read)

# the buffer protocol
mv = memoryview(m)
print(mv.readonly, mv.nbytes, mv.format, bytes(mv[:4]))
mv[0] = 0x41
print(m[0], bytes(m)[:3], bytearray(m)[:3])
t('resize exported', m.resize, 30)
t('close exported', m.close)
mv.release()
struct.pack_into('>I', m, 4, 0x61626364)
print(m[:12], struct.unpack_from('>I', m, 4))
print(re.search(rb'[a-d]+', m).span(), re.findall(rb'\d', m))
print(b''.join([m[:2], m[2:4]]), m[:4] == bytes(m[:4]))
with m:
    print('entered', m.closed)
print(repr(m), m.closed)
for meth, args in [('find', [b'a']), ('rfind', [b'a']), ('read', []), ('tell', []), ('size', []),
                   ('seek', [0]), ('flush', []), ('readline', []), ('read_byte', []),
                   ('__len__', []), ('resize', [5]), ('write', [b'a']), ('write_byte', [1]),
                   ('madvise', [0]), ('move', [0, 0, 0]), ('__enter__', []), ('__getitem__', [0]),
                   ('__setitem__', [0, 1])]:

    t('closed ' + meth, getattr(m, meth), *args)
t('closed iter', lambda: type(iter(m)).__name__)
t('closed list', list, m)
t('closed close', m.close)
t('closed exit', m.__exit__, 1, 2, 3)
t('closed bytes', bytes, m)
t('closed memoryview', memoryview, m)

# ---- constructor checks
t('len neg', mmap.mmap, -1, -1)
t('len 0 anon', mmap.mmap, -1, 0)
t('len float', mmap.mmap, -1, 1.0)
t('len huge', mmap.mmap, -1, 2**70)
t('off neg', mmap.mmap, -1, 10, offset=-1)
t('both', mmap.mmap, -1, 10, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ)
t('both2', mmap.mmap, -1, 10, prot=mmap.PROT_READ, access=mmap.ACCESS_READ)
t('bad access', mmap.mmap, -1, 10, access=7)
t('bad fd', mmap.mmap, 999, 10)
t('str fd', mmap.mmap, 'x', 10)
t('kw', mmap.mmap, fileno=-1, length=10)
for kw in (dict(flags=mmap.MAP_PRIVATE), dict(prot=mmap.PROT_READ), dict(prot=mmap.PROT_WRITE),
           dict(access=mmap.ACCESS_WRITE), dict(access=mmap.ACCESS_COPY)):
    print(kw, repr(mmap.mmap(-1, 4096, **kw)))
ro = mmap.mmap(-1, 16, prot=mmap.PROT_READ)
print(ro[:4], memoryview(ro).readonly)
t('ro write', ro.write, b'a')
t('ro setitem', ro.__setitem__, 0, 1)
t('ro setslice', ro.__setitem__, slice(0, 1), b'a')
t('ro write_byte', ro.write_byte, 1)
t('ro move', ro.move, 0, 1, 1)
t('ro resize', ro.resize, 5)
t('ro pack_into', struct.pack_into, 'b', ro, 0, 1)


class Sub(mmap.mmap):
    def __init__(self, *a, **k):
        self.extra = 'x'


s = Sub(-1, 8)
print(type(s).__name__, s.extra, len(s), repr(s))
import weakref
print(weakref.ref(s)() is s)

# shared anonymous memory is seen by a child process
sh = mmap.mmap(-1, 8)
pid = os.fork()
if pid == 0:
    sh[:5] = b'child'
    os._exit(0)
os.waitpid(pid, 0)
print('shared', sh[:5])
priv = mmap.mmap(-1, 8, flags=mmap.MAP_PRIVATE)
pid = os.fork()
if pid == 0:
    priv[:5] = b'child'
    os._exit(0)
os.waitpid(pid, 0)
print('private', priv[:5])

# ---- file-backed maps
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'f')
    open(path, 'wb').close()
    with open(path, 'r+b') as f:
        t('empty file', mmap.mmap, f.fileno(), 0)
        f.write(b'x' * 100)
        f.flush()
        t('too long', mmap.mmap, f.fileno(), 101)
        t('offset big', mmap.mmap, f.fileno(), 0, offset=4096)
        t('offset unaligned', mmap.mmap, f.fileno(), 10, offset=10)
        t('file object', mmap.mmap, f, 10)
        m = mmap.mmap(f.fileno(), 0)
        print(repr(m), m.size())
        m[:5] = b'hello'
        m.flush()
        print(pread(f.fileno(), 6, 0))
        m.resize(200)
        print(os.fstat(f.fileno()).st_size, m.size(), len(m))
        m.close()
        m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        print(repr(m), m[:5])
        t('read-only write', m.write, b'a')
        m.close()
        m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
        m[:5] = b'HELLO'
        print(repr(m), m[:5], pread(f.fileno(), 5, 0))
        t('copy resize', m.resize, 10)
        t('copy flush', m.flush)
        m.close()
        m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_WRITE)
        m[:5] = b'World'
        m.flush()
        print(repr(m), pread(f.fileno(), 5, 0))
        m.close()
        f.truncate(0)
        f.seek(0)
        f.write(b'a' * mmap.PAGESIZE + b'bcdefg')
        f.flush()
        m = mmap.mmap(f.fileno(), 0, offset=mmap.PAGESIZE)
        print(repr(m), m[:])
        m.resize(10)
        print(os.fstat(f.fileno()).st_size, m[:])
        fd2 = os.dup(f.fileno())
    # the map keeps its own descriptor
    os.close(fd2)
    print(m.size(), m[:3])
    m.close()
    with open(path, 'rb') as f:
        with mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ) as m:
            print(len(m), m.find(b'bcd'), m.rfind(b'a'))
    # readinto a mapping
    with open(path, 'r+b') as f:
        m = mmap.mmap(f.fileno(), 8)
        with open(path, 'rb') as g:
            g.seek(mmap.PAGESIZE)
            print(g.readinto(m), m[:])
        m.close()

# views dropped without release() do not block resize() or close()
m = mmap.mmap(-1, 100)
for i in range(20):
    v = memoryview(m)
    v[i] = i
del v
m.resize(200)
print(len(m), m[:5])
mv = memoryview(m)[10:20]
t('held slice view', m.close)
mv.release()
m.close()
print(m.closed)
# many maps made and dropped
total = 0
for i in range(300):
    mm = mmap.mmap(-1, 4096 * (1 + i % 4))
    mm[-1] = i % 256
    total += mm[-1]
print(total)
for i, ch in enumerate(mmap.mmap(-1, 3)):
    print(i, ch)
