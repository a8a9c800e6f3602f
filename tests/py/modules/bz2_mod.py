# _bz2 and bz2: compressor/decompressor objects, streaming, max_length, needs_input,
# unused_data, multi-stream data, BZ2File, and the errors
import bz2, io, _bz2

def show(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r) if not isinstance(r, bytes) or len(r) < 80 else (len(r), r[:20]))
    except Exception as e:
        print(type(e).__name__, e)

data = b"".join(b"bz2 line %d with some repeated text\n" % i for i in range(3000))
for level in (1, 5, 9):
    c = bz2.compress(data, level)
    print(level, len(c), c[:4], bz2.decompress(c) == data)
print(bz2.compress(b""), bz2.decompress(bz2.compress(b"")), bz2.decompress(b""))
comp = bz2.compress(data)

c = _bz2.BZ2Compressor(7)
out = b"".join(c.compress(data[i:i + 5000]) for i in range(0, len(data), 5000)) + c.flush()
print(bz2.decompress(out) == data, out[:4])
c = _bz2.BZ2Compressor()
print(c.compress(bytearray(b"abc")), c.compress(memoryview(b"def")), len(c.flush()) > 0)

d = _bz2.BZ2Decompressor()
print(d.eof, d.needs_input, d.unused_data)
pieces = [d.decompress(comp[i:i + 333]) for i in range(0, len(comp), 333)]
print(b"".join(pieces) == data, d.eof, d.needs_input, d.unused_data)
show(d.decompress, b"more")

# max_length
d = _bz2.BZ2Decompressor()
first = d.decompress(comp, max_length=100)
print(len(first), d.needs_input, d.eof)
got = [first]
while not d.eof:
    chunk = d.decompress(b"", 4096)
    assert len(chunk) <= 4096
    got.append(chunk)
print(b"".join(got) == data, d.needs_input, len(got) > 5)
d = _bz2.BZ2Decompressor()
print(d.decompress(comp[:100], 0), d.needs_input)
print(len(d.decompress(comp[100:], 10)), d.needs_input)
d = _bz2.BZ2Decompressor()
print(d.decompress(comp, max_length=-5) == data)

# unused data, multiple streams
d = _bz2.BZ2Decompressor()
print(d.decompress(bz2.compress(b"one") + b"extra bytes"), d.unused_data, d.eof, d.needs_input)
print(bz2.decompress(bz2.compress(b"one") + bz2.compress(b"two")))
show(bz2.decompress, bz2.compress(b"one") + b"junk after")
show(bz2.decompress, comp[:-10])
show(bz2.decompress, b"not bzip2 data")
show(bz2.decompress, b"BZh9" + b"\x00" * 40)
show(_bz2.BZ2Decompressor().decompress, b"BZh0")

# errors
show(_bz2.BZ2Compressor, 0)
show(_bz2.BZ2Compressor, 10)
show(_bz2.BZ2Compressor, "9")
show(_bz2.BZ2Compressor, 1, 2)
show(_bz2.BZ2Compressor, compresslevel=1)
show(_bz2.BZ2Decompressor, 1)
show(_bz2.BZ2Decompressor, x=1)
c = _bz2.BZ2Compressor()
c.flush()
show(c.compress, b"x")
show(c.flush)
show(_bz2.BZ2Compressor().compress, "str")
show(_bz2.BZ2Compressor().compress)
show(_bz2.BZ2Decompressor().decompress, "str")
show(_bz2.BZ2Decompressor().decompress, b"", "x")
d = _bz2.BZ2Decompressor()
show(d.decompress, b"garbage data that is not bz2")
print(d.needs_input, d.eof)
show(setattr, d, "eof", True)
show(setattr, d, "needs_input", True)
show(setattr, d, "unused_data", b"")
import pickle
show(pickle.dumps, _bz2.BZ2Compressor())
show(pickle.dumps, _bz2.BZ2Decompressor())
try:
    class Sub(_bz2.BZ2Compressor): pass
except TypeError as e:
    print(e)
print(_bz2.BZ2Compressor.compress.__text_signature__, _bz2.BZ2Decompressor.decompress.__text_signature__)

# BZ2File
buf = io.BytesIO()
with bz2.BZ2File(buf, "w", compresslevel=3) as f:
    f.write(data[:10000])
    f.write(data[10000:])
raw = buf.getvalue()
with bz2.BZ2File(io.BytesIO(raw)) as f:
    print(f.read(12), f.readline(), len(f.read()))
with bz2.BZ2File(io.BytesIO(raw + bz2.compress(b"tail"))) as f:
    f.seek(len(data) - 5)
    print(f.read(), f.tell())
with bz2.open(io.BytesIO(raw), "rt", encoding="ascii") as f:
    print(len(f.readlines()))
try:
    with bz2.BZ2File(io.BytesIO(raw[:-20])) as f:
        f.read()
except EOFError as e:
    print("EOFError", e)
