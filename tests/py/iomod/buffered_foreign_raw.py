# BufferedReader/Writer/Random over a raw object that is not an io class: only its
# readable()/writable()/seekable() answers count (tarfile's _FileInFile is one)
import io

class Raw:
    def __init__(self, data=b"", r=True, w=False, s=False):
        self.data, self.pos, self.r, self.w, self.s = bytearray(data), 0, r, w, s
        self.closed = False
    def readable(self): return self.r
    def writable(self): return self.w
    def seekable(self): return self.s
    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n
    def write(self, b):
        self.data += bytes(b)
        return len(b)
    def close(self): self.closed = True
    def flush(self): pass

f = io.BufferedReader(Raw(b"hello world\nsecond line\n"))
print(f.readline(), f.read(3), f.read(100), f.read(5))
w = Raw(r=False, w=True)
bw = io.BufferedWriter(w)
bw.write(b"abc")
bw.flush()
print(bytes(w.data))
for cls, raw in [(io.BufferedReader, Raw(r=False)), (io.BufferedWriter, Raw(w=False)),
                 (io.BufferedRandom, Raw(r=True, w=True, s=False)), (io.BufferedReader, Raw(r=1))]:
    try:
        cls(raw)
        print(cls.__name__, "ok")
    except Exception as e:
        print(cls.__name__, type(e).__name__, e)
class Bad(Raw):
    def readable(self): raise KeyError("boom")
try:
    io.BufferedReader(Bad())
except KeyError as e:
    print("KeyError", e)
