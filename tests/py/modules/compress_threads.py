# zlib, bz2 and lzma release the GIL around the library (the "io" drops of gil.stats
# grow), and one compressor object shared by threads stays consistent
import bz2, lzma, threading, zlib
try:
    import gil
except ImportError:
    gil = None

def io_drops():
    if gil is None:
        return 0
    return sum(t["drops"]["io"] for t in gil.stats() if t["name"] == threading.current_thread().name)

data = bytes(range(256)) * 4000
stop = threading.Event()
t = threading.Thread(target=stop.wait)
t.start()
before = io_drops()
results = [zlib.decompress(zlib.compress(data)) == data,
           bz2.decompress(bz2.compress(data)) == data,
           lzma.decompress(lzma.compress(data)) == data,
           zlib.crc32(data), zlib.adler32(data)]
print(results, gil is None or io_drops() > before)
stop.set()
t.join()

# many threads feeding one compressobj, each chunk whole: the stream stays valid
co = zlib.compressobj()
chunks = [bytes([i]) * 50000 for i in range(8)]
out = []
lock = threading.Lock()
def feed(c):
    r = co.compress(c)
    with lock:
        out.append(r)
threads = [threading.Thread(target=feed, args=(c,)) for c in chunks]
for th in threads: th.start()
for th in threads: th.join()
whole = zlib.decompress(b"".join(out) + co.flush())
print(len(whole), sorted(set(whole)) == list(range(8)))

# decompression in parallel threads
comp = [zlib.compress(c) for c in chunks]
res = [None] * len(comp)
def work(i):
    res[i] = zlib.decompress(comp[i]) == chunks[i] and bz2.decompress(bz2.compress(chunks[i])) == chunks[i]
threads = [threading.Thread(target=work, args=(i,)) for i in range(len(comp))]
for th in threads: th.start()
for th in threads: th.join()
print(res)
