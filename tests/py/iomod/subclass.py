# Streams written in Python over the C layers and the C layers over them:
# io.py's ABCs, a RawIOBase subclass under BufferedReader/Writer, a
# TextIOWrapper over BytesIO and over a Python buffered object, subclasses
# of the C types overriding methods.
import io

class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = bytearray(data)
        self.pos = 0
        self.calls = 0
    def readable(self): return True
    def readinto(self, b):
        self.calls += 1
        n = min(len(b), len(self.data) - self.pos, 5)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n

r = Raw(b'hello world\nsecond line\nthird')
print(r.read(3), r.read(), r.read(), r.calls)
r = Raw(b'abcdefghij')
print(r.readall(), r.readable(), r.writable(), r.seekable(), r.closed)
r.close()
print(r.closed)
try:
    r.read()
except ValueError as e:
    print('closed raw read', e)
br = io.BufferedReader(Raw(b'hello world\nsecond line\nthird'), 8)
print(br.readline(), br.peek(2)[:2], br.read(3), br.read1(100), br.read(), br.raw.calls > 1)
br = io.BufferedReader(Raw(b'l1\nl2\nl3'))
print(list(br), repr(br)[:30])
t = io.TextIOWrapper(io.BufferedReader(Raw('héllo\nwörld\n'.encode())), encoding='utf-8')
print(t.readlines(), t.encoding)

class Sink(io.RawIOBase):
    def __init__(self):
        self.chunks = []
    def writable(self): return True
    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)

s = Sink()
bw = io.BufferedWriter(s, 4)
bw.write(b'ab')
print(s.chunks)
bw.write(b'cdefgh')
bw.flush()
print(s.chunks)
tw = io.TextIOWrapper(io.BufferedWriter(Sink()), encoding='latin-1', newline='\r\n')
tw.write('a\nb')
tw.flush()
print(tw.buffer.raw.chunks)
tw.close()
print(tw.closed, tw.buffer.closed, tw.buffer.raw.closed)

class MyIO(io.IOBase):
    def __init__(self, lines):
        self.lines = list(lines)
    def readline(self, size=-1):
        return self.lines.pop(0) if self.lines else b''
m = MyIO([b'a\n', b'b\n'])
print(list(m), m.readable(), m.closed)
with MyIO([b'x']) as m2:
    print(m2.readlines())
print(m2.closed)

class Reader(io.BufferedIOBase):
    def __init__(self, data):
        self.data = data
    def readable(self): return True
    def read(self, n=-1):
        if n < 0: n = len(self.data)
        r, self.data = self.data[:n], self.data[n:]
        return r
    read1 = read
rd = Reader(b'0123456789')
ba = bytearray(4)
print(rd.readinto(ba), ba, rd.readinto1(ba), ba, rd.read())
t = io.TextIOWrapper(Reader(b'line one\nline two\n'), encoding='ascii')
print(t.readline(), t.read())

t = io.TextIOWrapper(io.BytesIO(), encoding='utf-8', newline='')
t.write('x\r\ny\n')
t.flush()
print(t.buffer.getvalue())
t.seek(0)
print(t.readlines())

class LoudText(io.TextIOWrapper):
    def write(self, s):
        return super().write(s.upper())
lt = LoudText(io.BytesIO(), encoding='utf-8')
print('quiet', file=lt)
lt.flush()
print(lt.buffer.getvalue(), type(lt).__mro__[1].__name__)

class CountingFile(io.FileIO):
    n = 0
    def write(self, b):
        CountingFile.n += 1
        return super().write(b)
import os
P = '/tmp/gilpy_iomod_sub_%d' % os.getpid()
with io.BufferedWriter(CountingFile(P, 'w')) as f:
    f.write(b'abc' * 10)
print(CountingFile.n, open(P, 'rb').read()[:6], repr(CountingFile(P)).split(' ')[0])
os.remove(P)

class BIO(io.BytesIO):
    pass
b = BIO(b'ab\ncd')
b.extra = 1
print(list(b), b.extra, b.__dict__)
class SIO(io.StringIO):
    def write(self, s):
        return super().write(s * 2)
s = SIO()
print('hi', file=s, end='')
print(s.getvalue(), isinstance(s, io.TextIOBase), isinstance(s, io.StringIO))
print(isinstance(io.BytesIO(), io.IOBase), isinstance(open(__file__), io.IOBase), isinstance(Raw(b''), io.BufferedIOBase))
