# BytesIO and StringIO: every method, positions past the end, exports,
# newline modes, pickling, closed streams.
import io, pickle

b = io.BytesIO(b'hello\nworld\nlast')
print(b.read(2), b.read1(2), b.readline(), b.tell(), b.readlines(), b.read(), b.tell())
print(b.seek(0), b.readline(3), b.seek(-2, 2), b.read(), b.seek(2, 1), b.seek(-100, 1), b.tell())
print(b.seek(20), b.write(b'X'), b.getvalue(), b.tell())
print(b.truncate(5), b.getvalue(), b.tell(), b.truncate(), b.getvalue())
b = io.BytesIO()
print(b.write(bytearray(b'ab')), b.write(memoryview(b'cd')), b.writelines([b'e', b'f']), b.getvalue())
ba = bytearray(3)
b.seek(1)
print(b.readinto(ba), ba, b.readinto(ba), ba, b.readinto1(ba))
print(list(io.BytesIO(b'a\nb\nc')), io.BytesIO(b'').read(), io.BytesIO(b'x').read(0), io.BytesIO(b'xyz').read(None))
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush(), b.closed)
v = b.getbuffer()
print(bytes(v), len(v))
v[0] = ord('Z')
print(b.getvalue())
for op in [lambda: b.write(b'x'), lambda: b.truncate(0), b.close]:
    try:
        op()
    except BufferError as e:
        print('BufferError', e)
v.release()
b.write(b'!')
print(b.getvalue())
b2 = pickle.loads(pickle.dumps(b))
print(b2.getvalue(), b2.tell(), type(b2).__name__)
print(b.__getstate__()[:2])
b.close()
print(b.closed)
for name in ['read', 'getvalue', 'write', 'tell', 'getbuffer', 'readline', 'flush', 'readable', 'seek']:
    try:
        getattr(b, name)(*((b'x',) if name == 'write' else (0,) if name == 'seek' else ()))
    except ValueError as e:
        print(name, e)
bb = io.BytesIO()
for a in [(-1,), (0, 5), (1.5,), ('x',)]:
    try:
        bb.seek(*a)
    except Exception as e:
        print(a, type(e).__name__, e)
for a in [-1, 'x']:
    try:
        bb.truncate(a)
    except Exception as e:
        print(a, type(e).__name__, e)
for a in ['s', 5]:
    try:
        bb.write(a)
    except Exception as e:
        print(type(e).__name__, e)
try:
    io.BytesIO('str')
except TypeError as e:
    print(e)
print(io.BytesIO(initial_bytes=b'kw').read())

s = io.StringIO('héllo\nwörld\nlast')
print(s.read(2), s.readline(), s.tell(), s.readlines(), s.read(), s.tell())
print(s.seek(0), s.readline(3), s.seek(0, 2), s.seek(0, 1), s.tell())
print(s.seek(20), s.write('X'), repr(s.getvalue()), s.tell())
print(s.truncate(5), repr(s.getvalue()), s.tell(), s.truncate(), repr(s.getvalue()))
s = io.StringIO()
print(s.write('€uro'), s.seek(1), s.write('EU'), s.getvalue(), s.tell(), s.read())
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.line_buffering, s.encoding, s.errors, s.closed)
for nl in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO('a\r\nb\rc\nd', newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)
    s = io.StringIO(newline=nl)
    s.write('x\ny\r\nz\r')
    print(repr(nl), repr(s.getvalue()), s.newlines)
s = io.StringIO('abc\ndef')
s.readline()
s2 = pickle.loads(pickle.dumps(s))
print(repr(s2.getvalue()), s2.tell(), s2.read())
print(s.__getstate__())
print(list(io.StringIO('1\n2\n3')), io.StringIO(None).getvalue() == '', io.StringIO(initial_value='kw', newline='').read())
for a in [(-1,), (0, 5), (1, 1), (1, 2), (1.5,)]:
    try:
        s.seek(*a)
    except Exception as e:
        print(a, type(e).__name__, e)
for bad in [lambda: s.truncate(-1), lambda: s.write(b's'), lambda: io.StringIO(newline='x'),
            lambda: io.StringIO(5), lambda: io.StringIO(newline=5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
s.close()
s.close()
for name in ['read', 'getvalue', 'write', 'tell', 'readline', 'truncate', 'readable', 'seek']:
    try:
        getattr(s, name)(*(('x',) if name == 'write' else (0,) if name == 'seek' else ()))
    except ValueError as e:
        print(name, e)
print(s.flush())
with io.StringIO('ctx') as s:
    print(s.read())
print(s.closed)
print('to a StringIO', file=(s := io.StringIO()), end='!')
print(repr(s.getvalue()))
d = io.IncrementalNewlineDecoder(None, True)
print(repr(d.decode('a\r')), d.getstate(), repr(d.decode('\nb\r', final=True)), d.newlines)
d.reset()
print(d.newlines, d.getstate(), repr(d.decode('x\r')), d.getstate())
d.setstate((b'', 0))
print(repr(d.decode('\n')), d.newlines)
import codecs
d = io.IncrementalNewlineDecoder(codecs.getincrementaldecoder('utf-8')(), False)
print(repr(d.decode(b'\xc3')), repr(d.decode(b'\xa9\r')), repr(d.decode(b'\r\n', final=True)), d.newlines)
