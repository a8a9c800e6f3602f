# Error messages of the _io streams, as CPython 3.11 words them.
import io, os

P = '/tmp/gilpy_iomod_err_%d' % os.getpid()
with open(P, 'wb') as f:
    f.write(b'line1\nline2\n')

def t(label, fn):
    try:
        r = fn()
        print(label, 'ok', repr(r)[:60])
    except Exception as e:
        print(label, type(e).__name__, str(e).replace(P, 'P'))

# open() argument checking
for args in [(P, 'rU'), (P, 'rr'), (P, 'rw'), (P, 'rbt'), (P, ''), (P, '+'), (P, 'b'), (P, 'rb', 0, 'utf-8'),
             (P, 'rb', -1, None, 'strict'), (P, 'rb', -1, None, None, '\n'), (P, 'r', 0), (1.5,), ([],), (P, 5),
             (P, 'r', -1, 5), (P, 'r', -1, None, 5), (P, 'r', -1, None, None, 5), (P, 'r', -1, None, None, 'x'),
             ('/nonexistent/x',), ('/tmp',), (P + '\0x',), (-1,), (P, 'r', 'x'), (P, 'r', -1, 'no-such-codec'),
             (P, 'r', -1, 'rot13')]:
    t(('open%r' % (args,)).replace(P, 'P'), lambda: open(*args))
t('closefd name', lambda: open(P, closefd=False))
t('opener bad', lambda: open(P, opener=lambda p, f: 'x'))
t('opener neg', lambda: open(P, opener=lambda p, f: -5))
t('FileIO float', lambda: io.FileIO(1.5))
t('FileIO neg', lambda: io.FileIO(-3))
t('FileIO mode', lambda: io.FileIO(P, 'rt'))
t('FileIO mode2', lambda: io.FileIO(P, 'rw'))
t('FileIO mode3', lambda: io.FileIO(P, 'r++'))
t('FileIO badfd', lambda: io.FileIO(1000))

# closed files
for mode in ['r', 'rb', 'wb', 'r+b']:
    f = open(P, mode)
    f.close()
    for name, args in [('read', ()), ('readline', ()), ('write', ('x' if 'b' not in mode else b'x',)),
                       ('flush', ()), ('seek', (0,)), ('tell', ()), ('truncate', ()), ('fileno', ()),
                       ('isatty', ()), ('readable', ()), ('peek', ()), ('read1', ()), ('readinto', (bytearray(2),)),
                       ('__iter__', ()), ('__enter__', ()), ('__next__', ())]:
        t('%s closed %s' % (mode, name), lambda: getattr(f, name)(*args))
    t('%s close again' % mode, f.close)
f = open(P, 'rb', buffering=0)
f.close()
for name, args in [('read', ()), ('readall', ()), ('write', (b'x',)), ('seek', (0,)), ('tell', ()),
                   ('readinto', (bytearray(2),)), ('flush', ()), ('readable', ())]:
    t('fileio closed %s' % name, lambda: getattr(f, name)(*args))

# wrong direction
with open(P, 'rb') as f:
    t('rb write', lambda: f.write(b'x'))
    t('rb truncate', lambda: f.truncate())
    t('rb read -2', lambda: f.read(-2))
    t('rb read str', lambda: f.read('x'))
    t('rb seek whence', lambda: f.seek(0, 7))
    t('rb seek float', lambda: f.seek(1.5))
with open(P, 'wb') as f:
    t('wb read', lambda: f.read())
    t('wb readline', lambda: f.readline())
    t('wb read1', lambda: f.read1())
    t('wb readinto', lambda: f.readinto(bytearray(3)))
    t('wb write str', lambda: f.write('text'))
    t('wb write int', lambda: f.write(5))
with open(P, 'r') as f:
    t('r write', lambda: f.write('x'))
    t('r seek cur', lambda: f.seek(1, 1))
    t('r seek end', lambda: f.seek(1, 2))
    t('r seek neg', lambda: f.seek(-1))
    t('r seek whence', lambda: f.seek(0, 3))
    t('r readline float', lambda: f.readline(1.5))
    t('r read float', lambda: f.read(1.5))
with open(P, 'w') as f:
    t('w read', lambda: f.read())
    t('w write bytes', lambda: f.write(b'x'))
    t('w write None', lambda: f.write(None))
    t('w concat', lambda: f.write('a' + 1))
with open(P, 'rb', buffering=0) as f:
    t('fileio write', lambda: f.write(b'x'))
    t('fileio truncate', lambda: f.truncate())
    t('fileio readinto bytes', lambda: f.readinto(b'abc'))
with open(P, 'wb', buffering=0) as f:
    t('fileio read', lambda: f.read())
    t('fileio write str', lambda: f.write('s'))

# detached
b = io.BytesIO(b'abc')
w = io.TextIOWrapper(b)
print(w.detach() is b)
for name, args in [('read', ()), ('write', ('x',)), ('readline', ()), ('flush', ()), ('close', ()),
                   ('tell', ()), ('seek', (0,)), ('fileno', ()), ('detach', ())]:
    t('detached %s' % name, lambda: getattr(w, name)(*args))
t('detached buffer', lambda: w.buffer)
t('detached encoding', lambda: w.encoding)
print(repr(w))
r = io.BufferedReader(io.BytesIO(b'xyz'))
raw = r.detach()
print(type(raw).__name__)
for name in ['read', 'peek', 'tell', 'close', 'fileno', 'detach']:
    t('bdetached %s' % name, lambda: getattr(r, name)())
t('bdetached raw', lambda: r.raw)

# constructor checks
t('BufferedReader size 0', lambda: io.BufferedReader(io.BytesIO(), 0))
t('BufferedWriter on reader', lambda: io.BufferedWriter(open(P, 'rb', buffering=0)))
t('BufferedReader on writer', lambda: io.BufferedReader(open(P, 'wb', buffering=0)))
t('TextIOWrapper newline', lambda: io.TextIOWrapper(io.BytesIO(), newline='x'))
t('TextIOWrapper newline int', lambda: io.TextIOWrapper(io.BytesIO(), newline=5))
t('TextIOWrapper errors int', lambda: io.TextIOWrapper(io.BytesIO(), errors=5))
t('TextIOWrapper encoding int', lambda: io.TextIOWrapper(io.BytesIO(), encoding=5))
t('TextIOWrapper rot13', lambda: io.TextIOWrapper(io.BytesIO(), encoding='rot13'))
t('TextIOWrapper unknown', lambda: io.TextIOWrapper(io.BytesIO(), encoding='nope'))
t('chunk 0', lambda: setattr(io.TextIOWrapper(io.BytesIO()), '_CHUNK_SIZE', 0))
t('decode error', lambda: io.TextIOWrapper(io.BytesIO(b'\xff\xfe'), encoding='utf-8').read())
t('encode error', lambda: io.TextIOWrapper(io.BytesIO(), encoding='ascii').write('é'))
t('pickle', lambda: __import__('pickle').dumps(open(P)))
t('IOBase seek', lambda: io.IOBase().seek(0))
t('IOBase fileno', lambda: io.IOBase().fileno())
t('RawIOBase read', lambda: io.RawIOBase().read(1))
t('BufferedIOBase read', lambda: io.BufferedIOBase().read())
t('TextIOBase read', lambda: io.TextIOBase().read())
t('TextIOBase write', lambda: io.TextIOBase().write('x'))
t('BufferedIOBase detach', lambda: io.BufferedIOBase().detach())
x = io.IOBase(); x.close()
t('IOBase closed iter', lambda: iter(x))
t('IOBase closed enter', lambda: x.__enter__())
t('IOBase closed flush', lambda: x.flush())
t('IOBase checkReadable', lambda: io.IOBase()._checkReadable())
t('IOBase checkWritable', lambda: io.IOBase()._checkWritable())
t('IOBase checkSeekable', lambda: io.IOBase()._checkSeekable())
os.remove(P)
