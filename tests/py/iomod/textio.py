# TextIOWrapper: newline modes, encodings through the codec registry,
# tell()/seek() cookies, reconfigure(), line buffering, read sizes.
import io, os

P = '/tmp/gilpy_iomod_text_%d' % os.getpid()
data = b'one\r\ntwo\rthree\nfour\r\n\rfive'
for nl in [None, '', '\n', '\r', '\r\n']:
    t = io.TextIOWrapper(io.BytesIO(data), encoding='ascii', newline=nl)
    print(repr(nl), t.readlines(), t.newlines)
    t = io.TextIOWrapper(io.BytesIO(data), encoding='ascii', newline=nl)
    t._CHUNK_SIZE = 3
    print(repr(nl), [t.readline() for i in range(7)], repr(t.read()))
for nl in [None, '', '\n', '\r', '\r\n']:
    b = io.BytesIO()
    t = io.TextIOWrapper(b, encoding='ascii', newline=nl)
    t.write('a\nb\r\nc\rd')
    t.flush()
    print(repr(nl), b.getvalue())

# sizes and characters
t = io.TextIOWrapper(io.BytesIO('aé€😀b\nzz'.encode()), encoding='utf-8')
print(t.read(1), t.read(2), t.read(1), t.readline(), t.readline(1), t.read(), repr(t.read()))
t = io.TextIOWrapper(io.BytesIO('aé€😀b\nzz'.encode()), encoding='utf-8')
t._CHUNK_SIZE = 1
print([t.read(1) for i in range(9)])

# codecs from the registry
for enc in ['utf-16', 'utf-16-le', 'cp1252', 'koi8-r', 'latin-1', 'utf-8-sig', 'cp1251']:
    with open(P, 'w', encoding=enc) as f:
        f.write('привет' if enc in ('koi8-r', 'cp1251') else 'café\nsecond\n' if enc == 'latin-1' else 'café\n€uro\n')
    raw = open(P, 'rb').read()
    with open(P, encoding=enc) as f:
        print(enc, raw[:12], f.readlines(), f.encoding)

# tell/seek cookies
with open(P, 'w', encoding='utf-8') as f:
    f.write('héllo\nwörld\r\nthird line\nlast')
with open(P, encoding='utf-8') as f:
    marks = []
    while True:
        pos = f.tell()
        line = f.readline()
        if not line:
            break
        marks.append((pos, line))
    print(marks, f.tell())
    for pos, line in reversed(marks):
        f.seek(pos)
        print(pos, repr(f.readline()), f.tell())
    print(f.seek(0, 2), f.read(), f.seek(0), f.read(3), f.tell())
    f.seek(0)
    try:
        for line in f:
            f.tell()
    except OSError as e:
        print('OSError', e)
with open(P, encoding='latin-1', newline='') as f:
    f.readline()
    p = f.tell()
    rest = f.read()
    f.seek(p)
    print(p, f.read() == rest)

# reading and writing in one file
with open(P, 'w+', encoding='utf-8') as f:
    f.write('abc\ndef\n')
    f.seek(0)
    print(repr(f.readline()), f.tell())
    f.seek(0, 2)
    f.write('ghi\n')
    f.seek(0)
    print(repr(f.read()))
    print(f.truncate(4), f.seek(0), repr(f.read()))

# reconfigure
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='ascii')
t.write('a')
t.reconfigure(encoding='latin-1', errors='replace', line_buffering=True, newline='\r\n')
t.write('é\n€')
print(b.getvalue(), t.encoding, t.errors, t.line_buffering, t.write_through)
t.reconfigure(write_through=True)
print(t.write_through, t.line_buffering)
t = io.TextIOWrapper(io.BytesIO(b'abc\ndef'), encoding='ascii')
t.readline()
try:
    t.reconfigure(encoding='latin-1')
except Exception as e:
    print(type(e).__name__, e)
t.reconfigure(line_buffering=True)
print(t.line_buffering)

# errors handlers
t = io.TextIOWrapper(io.BytesIO(b'a\xffb\xfe'), encoding='utf-8', errors='replace')
print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b'a\xffb'), encoding='utf-8', errors='surrogateescape')
s = t.read()
print(repr(s), s.encode('utf-8', 'surrogateescape'))
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='ascii', errors='backslashreplace')
t.write('é€\n')
t.flush()
print(b.getvalue())
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='utf-8', errors='surrogateescape')
t.write(s)
t.flush()
print(b.getvalue())

# line buffering and write_through
class Spy(io.BytesIO):
    def flush(self):
        print('  flush', self.getvalue())
        super().flush()
t = io.TextIOWrapper(Spy(), encoding='ascii', line_buffering=True)
t.write('no newline')
t.write(' now\n')
t.write('cr\r')
print(t.line_buffering)
t.close()
os.remove(P)
