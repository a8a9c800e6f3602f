# Edge cases of the layers: non-blocking and misbehaving raw streams, unseekable
# buffers, CRLF files, BufferedRandom and BufferedRWPair, descriptors.
import io, os
P = '/tmp/gilpy_iomod_edges_%d' % os.getpid()
def t(label, fn):
    try:
        r = fn()
        print(label, 'ok', repr(r)[:80])
    except Exception as e:
        print(label, type(e).__name__, str(e).replace(P, 'P'))

class NB(io.RawIOBase):
    def __init__(self, chunks): self.chunks = list(chunks)
    def readable(self): return True
    def readinto(self, b):
        if not self.chunks: return 0
        c = self.chunks.pop(0)
        if c is None: return None
        b[:len(c)] = c
        return len(c)
br = io.BufferedReader(NB([b'ab', None, b'cd']))
t('nb read', lambda: (br.read(1), br.read(5), br.read(5), br.read(5)))
br = io.BufferedReader(NB([None]))
t('nb read none', lambda: br.read())
br = io.BufferedReader(NB([b'xy', None]))
t('nb readall', lambda: br.read())

class Half(io.RawIOBase):
    def __init__(self): self.got = b''
    def writable(self): return True
    def write(self, b):
        n = max(1, len(b) // 2)
        self.got += bytes(b[:n])
        return n
h = Half()
bw = io.BufferedWriter(h, 4)
t('half write', lambda: (bw.write(b'0123456789'), bw.flush(), h.got))
class Bad(io.RawIOBase):
    def writable(self): return True
    def readable(self): return True
    def write(self, b): return 100
    def readinto(self, b): return -1
t('bad write', lambda: io.BufferedWriter(Bad()).write(b'x' * 10000))
t('bad readinto', lambda: io.BufferedReader(Bad()).read(3))

class NoSeek(io.BytesIO):
    def seekable(self): return False
ns = io.TextIOWrapper(NoSeek(b'abc'), encoding='ascii')
t('noseek tell', ns.tell)
t('noseek seek', lambda: ns.seek(0))
t('noseek read', ns.read)
t('no readable', lambda: io.TextIOWrapper(object()))
t('dir', lambda: open('/tmp'))
t('dir fileio', lambda: io.FileIO('/tmp'))
with open(P, 'w', newline='\r\n') as f:
    f.write('a\nb\n')
t('crlf', lambda: open(P, 'rb').read())
t('crlf read', lambda: open(P).read())
t('crlf read nl', lambda: open(P, newline='').read())
with open(P, 'r+') as f:
    t('seek end read', lambda: (f.seek(0, 2), f.read(), f.tell()))
    t('write at end', lambda: (f.write('c'), f.seek(0), f.read()))
with open(P, 'rb') as f:
    m = memoryview(bytearray(4))
    t('readinto mv', lambda: (f.readinto(m), bytes(m)))
    t('readinto1', lambda: (f.readinto1(bytearray(100))))
fd = os.open(P, os.O_RDONLY)
f = open(fd)
t('fd name', lambda: (f.name == fd, f.buffer.raw.name == fd, repr(f).replace(str(fd), 'FD')))
f.close()
t('fd closed', lambda: os.fstat(fd))
with open(P, 'w') as f:
    pass
t('closed after with', lambda: f.closed)
t('print binary', lambda: print('x', file=open(P, 'wb')))
t('print closed', lambda: print('x', file=f))
t('text name', lambda: open(P).buffer.raw.name == P)
t('isatty', lambda: open(P).isatty())
t('fileno', lambda: open(P).fileno() > 2)
t('readable/writable', lambda: (open(P).readable(), open(P).writable(), open(P, 'a').readable(), open(P, 'a+').readable()))
t('append', lambda: (open(P, 'a').write('zz'), open(P, 'a').tell()))
t('iter lines', lambda: list(open(P, 'rb')))
t('readlines hint', lambda: io.BytesIO(b'a\nbb\nccc\n').readlines(2))
t('text readlines hint', lambda: io.StringIO('a\nbb\nccc\n').readlines(3))
t('file readlines hint', lambda: open(__file__).readlines(20))
t('encoding attr', lambda: (open(P, encoding='latin1').encoding, open(P, encoding='UTF8').encoding))
t('writelines', lambda: (open(P, 'w').writelines(['a', 'b']), open(P).read()))
b = io.BufferedRandom(io.FileIO(P, 'w+'))
t('random', lambda: (b.write(b'hello'), b.seek(0), b.read(2), b.write(b'XY'), b.seek(0), b.read(), b.tell()))
t('random peek', lambda: (b.seek(1), b.peek(1)[:2], b.tell(), b.read1(2)))
t('random truncate', lambda: (b.truncate(3), b.seek(0), b.read()))
pair = io.BufferedRWPair(io.BytesIO(b'in data'), io.BytesIO())
t('rwpair', lambda: (pair.read(2), pair.write(b'out'), pair.flush(), pair.readable(), pair.writable(), pair.closed, pair.peek(1)[:1]))
t('rwpair close', lambda: (pair.close(), pair.closed))
t('text_encoding', lambda: (io.text_encoding(None), io.text_encoding('utf-8'), io.text_encoding(None, 3)))
t('open_code', lambda: (type(io.open_code(P)).__name__, io.open_code(P).mode))
t('closefd false', lambda: io.FileIO(0, closefd=False).closefd)
os.remove(P)
