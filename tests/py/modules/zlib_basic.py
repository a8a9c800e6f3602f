# zlib: one-shot compress/decompress, wbits containers, checksums, constants, errors
import zlib

def show(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r) if not isinstance(r, bytes) or len(r) < 80 else (len(r), r[:20]))
    except Exception as e:
        print(type(e).__name__, e)

data = b"hello world, " * 50 + bytes(range(256))
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), zlib.decompress(c) == data)
print(zlib.compress(b""), zlib.compress(b"abc"), zlib.compress(b"abc", level=9))
# containers: zlib, raw, gzip, auto-detect
for wbits in (15, 9, -15, -9, 31, 25):
    c = zlib.compress(data, wbits=wbits)
    print(wbits, c[:4].hex(), zlib.decompress(c, wbits) == data)
print(zlib.decompress(zlib.compress(data, wbits=31), 47) == data)
print(zlib.decompress(zlib.compress(data), 47) == data)
print(zlib.decompress(zlib.compress(data, wbits=31), wbits=32 + 15) == data)
print(zlib.decompress(zlib.compress(data), 0) == data)
for bufsize in (0, 1, 5, 100000):
    print(zlib.decompress(zlib.compress(data), bufsize=bufsize) == data)
print(zlib.decompress(bytearray(zlib.compress(b"xyz"))), zlib.decompress(memoryview(zlib.compress(b"xyz"))))
print(zlib.compress(bytearray(b"xyz")) == zlib.compress(b"xyz"))
print(zlib.compress(memoryview(b"abcdef")[1:4]) == zlib.compress(b"bcd"))

# checksums
print(zlib.crc32(b""), zlib.crc32(b"hello"), zlib.crc32(b"hello", 1), zlib.crc32(b"world", zlib.crc32(b"hello ")))
print(zlib.crc32(b"hello world") == zlib.crc32(b"world", zlib.crc32(b"hello ")))
print(zlib.adler32(b""), zlib.adler32(b"hello"), zlib.adler32(b"hello", 0), zlib.adler32(b"x" * 10000))
print(zlib.crc32(b"abc", -1), zlib.crc32(b"abc", 2**40 + 5), zlib.adler32(b"abc", -1), zlib.crc32(b"y" * 100000))
print(zlib.crc32(b"abc", True), zlib.crc32(bytearray(b"abc")), zlib.adler32(memoryview(b"abc")))

# constants
for name in sorted(n for n in dir(zlib) if n.isupper()):
    v = getattr(zlib, name)
    print(name, v if isinstance(v, int) else type(v).__name__)
print(zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, zlib.__version__)
print(zlib.error, zlib.error.__mro__, issubclass(zlib.error, Exception))

# errors
show(zlib.decompress, b"abc")
show(zlib.decompress, b"x\x9c" + b"\xff" * 10)
show(zlib.decompress, zlib.compress(data)[:-5])
show(zlib.decompress, zlib.compress(data)[:20])
show(zlib.decompress, b"")
show(zlib.decompress, zlib.compress(data), -15)
show(zlib.decompress, zlib.compress(data), 99)
show(zlib.decompress, zlib.compress(data), bufsize=-1)
show(zlib.decompress, zlib.compress(data, wbits=31))
show(zlib.compress, b"abc", 10)
show(zlib.compress, b"abc", -2)
show(zlib.compress, b"abc", wbits=99)
show(zlib.compress, b"abc", 1.0)
show(zlib.compress, b"abc", 2**40)
show(zlib.compress, "abc")
show(zlib.compress, None)
show(zlib.compress)
show(zlib.compress, b"", 1, 2, 3)
show(zlib.compress, b"", lvl=1)
show(zlib.decompress, "abc")
show(zlib.decompress, b"", wbits=15, bufsize=1, x=1)
show(zlib.decompress, b"", wbits="15")
show(zlib.crc32, "abc")
show(zlib.crc32, b"abc", 1.5)
show(zlib.crc32, b"abc", "1")
show(zlib.crc32)
show(zlib.adler32, b"", 1, 2)
show(zlib.crc32, data=b"x")
try:
    zlib.decompress(b"garbage")
except zlib.error as e:
    print("caught", type(e).__module__, e.args)
print(zlib.compress.__text_signature__)
print(zlib.decompress.__text_signature__)
print(zlib.crc32.__text_signature__, zlib.adler32.__text_signature__)
