# _lzma and lzma: the container formats, checks, presets, filter chains, streaming,
# max_length, needs_input, unused_data, filter properties, LZMAFile, and the errors
import io, lzma, _lzma

def show(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r) if not isinstance(r, bytes) or len(r) < 80 else (len(r), r[:20]))
    except Exception as e:
        print(type(e).__name__, e)

data = b"".join(b"xz line %d with text that repeats a little\n" % i for i in range(3000))
for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    for preset in (0, 6, 9 | lzma.PRESET_EXTREME):
        c = lzma.compress(data, format=fmt, preset=preset)
        print(fmt, preset, len(c), c[:6].hex(), lzma.decompress(c) == data, lzma.decompress(c, fmt) == data)
for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    c = lzma.compress(b"checked", check=check)
    d = lzma.LZMADecompressor()
    print(check, d.check, d.decompress(c), d.check, d.eof)
filters = [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2, "preset": 1, "dict_size": 1 << 20}]
raw = lzma.compress(data, format=lzma.FORMAT_RAW, filters=filters)
print(len(raw), lzma.decompress(raw, lzma.FORMAT_RAW, filters=filters) == data)
xf = lzma.compress(data, filters=[{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2, "mode": lzma.MODE_FAST,
                                                             "mf": lzma.MF_HC4, "nice_len": 32, "depth": 8}])
print(lzma.decompress(xf) == data)
al = lzma.compress(data, format=lzma.FORMAT_ALONE, filters=[{"id": lzma.FILTER_LZMA1, "lc": 2, "pb": 1}])
print(lzma.decompress(al) == data)
print(lzma.decompress(lzma.compress(b"a") + lzma.compress(b"b")))
comp = lzma.compress(data)

c = lzma.LZMACompressor()
out = b"".join(c.compress(data[i:i + 4000]) for i in range(0, len(data), 4000)) + c.flush()
print(lzma.decompress(out) == data)
c = lzma.LZMACompressor(format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2}])
r = c.compress(bytearray(b"abc")) + c.compress(memoryview(b"def")) + c.flush()
print(_lzma.LZMADecompressor(lzma.FORMAT_RAW, None, [{"id": lzma.FILTER_LZMA2}]).decompress(r))

d = lzma.LZMADecompressor()
print(d.check, d.eof, d.needs_input, d.unused_data)
pieces = [d.decompress(comp[i:i + 500]) for i in range(0, len(comp), 500)]
print(b"".join(pieces) == data, d.eof, d.needs_input, d.unused_data, d.check)
show(d.decompress, b"x")

d = lzma.LZMADecompressor()
first = d.decompress(comp, max_length=100)
print(len(first), d.needs_input, d.eof)
got = [first]
while not d.eof:
    chunk = d.decompress(b"", 5000)
    assert len(chunk) <= 5000
    got.append(chunk)
print(b"".join(got) == data, d.needs_input)
d = lzma.LZMADecompressor()
print(d.decompress(comp[:60], 0), d.needs_input)
d = lzma.LZMADecompressor()
print(d.decompress(lzma.compress(b"one") + b"junk"), d.unused_data, d.eof, d.needs_input)
d = lzma.LZMADecompressor(memlimit=1 << 30)
print(d.decompress(comp) == data)

# filter properties
for spec in [{"id": lzma.FILTER_LZMA1}, {"id": lzma.FILTER_LZMA1, "lc": 1, "lp": 2, "pb": 0, "dict_size": 1 << 16},
             {"id": lzma.FILTER_LZMA2, "preset": 3}, {"id": lzma.FILTER_DELTA, "dist": 7},
             {"id": lzma.FILTER_X86, "start_offset": 64}]:
    p = _lzma._encode_filter_properties(spec)
    print(p, _lzma._decode_filter_properties(spec["id"], p))
show(_lzma._decode_filter_properties, lzma.FILTER_LZMA1, b"\xff\x00\x00\x00\x00")
show(_lzma._decode_filter_properties, 99, b"")
show(_lzma._decode_filter_properties, -1, b"")
show(_lzma._decode_filter_properties, "a", b"")
show(_lzma._encode_filter_properties, {"id": 99})
show(_lzma._encode_filter_properties, [])
print([lzma.is_check_supported(i) for i in range(17)])
show(lzma.is_check_supported, "a")

# constants
for name in sorted(n for n in dir(_lzma) if n.isupper()):
    print(name, getattr(_lzma, name))
print(lzma.LZMAError is _lzma.LZMAError, _lzma.LZMAError.__mro__)

# errors
show(lzma.decompress, b"not xz data at all")
show(lzma.decompress, comp[:-10])
show(lzma.decompress, comp[:30] + b"\x00" * 50 + comp[80:])
show(lzma.decompress, comp, lzma.FORMAT_ALONE)
show(lzma.LZMADecompressor(memlimit=100).decompress, comp)
show(lzma.LZMADecompressor, 5)
show(lzma.LZMADecompressor, format=lzma.FORMAT_RAW)
show(lzma.LZMADecompressor, format=lzma.FORMAT_RAW, memlimit=5)
show(lzma.LZMADecompressor, format=lzma.FORMAT_XZ, filters=[])
show(lzma.LZMADecompressor, memlimit="a")
show(lzma.LZMADecompressor, memlimit=-1)
show(lzma.LZMADecompressor, 1, 2, 3, 4)
show(lzma.LZMADecompressor, foo=1)
show(lzma.LZMACompressor, format=9)
show(lzma.LZMACompressor, check=99)
show(lzma.LZMACompressor, preset=99)
show(lzma.LZMACompressor, preset=-1)
show(lzma.LZMACompressor, preset=2**33)
show(lzma.LZMACompressor, preset="1")
show(lzma.LZMACompressor, format=lzma.FORMAT_RAW)
show(lzma.LZMACompressor, format=lzma.FORMAT_RAW, check=lzma.CHECK_CRC32)
show(lzma.LZMACompressor, format=lzma.FORMAT_ALONE, check=lzma.CHECK_SHA256)
show(lzma.LZMACompressor, format=lzma.FORMAT_ALONE, filters=[{"id": lzma.FILTER_LZMA2}])
show(lzma.LZMACompressor, preset=1, filters=[])
show(lzma.LZMACompressor, filters=[{"id": 99}])
show(lzma.LZMACompressor, filters=[{}])
show(lzma.LZMACompressor, filters=[1])
show(lzma.LZMACompressor, filters={})
show(lzma.LZMACompressor, filters=[{"id": lzma.FILTER_LZMA2, "foo": 1}])
show(lzma.LZMACompressor, filters=[{"id": lzma.FILTER_LZMA2, "dict_size": "x"}])
show(lzma.LZMACompressor, filters=[{"id": lzma.FILTER_LZMA2, "mode": 7}])
show(lzma.LZMACompressor, filters=[{"id": lzma.FILTER_LZMA2, "mf": 1}])
show(lzma.LZMACompressor, filters=[{"id": lzma.FILTER_LZMA2, "preset": 99}])
show(lzma.LZMACompressor, filters=[{"id": lzma.FILTER_DELTA, "dist": 300}])
show(lzma.LZMACompressor, filters=[{"id": lzma.FILTER_DELTA, "bad": 1}])
show(lzma.LZMACompressor, filters=[{"id": lzma.FILTER_X86, "start_offset": -1}])
show(lambda: type(lzma.LZMACompressor(filters=[{"id": lzma.FILTER_DELTA}, {"id": lzma.FILTER_LZMA2}])).__name__)
show(lzma.LZMACompressor, filters=[{"id": lzma.FILTER_LZMA2}] * 5)
show(lzma.LZMACompressor, 1, 2, 3, 4, 5)
show(lzma.LZMACompressor, foo=1)
c = lzma.LZMACompressor()
c.flush()
show(c.compress, b"x")
show(c.flush)
show(lzma.LZMACompressor().compress, "str")
show(lzma.LZMADecompressor().decompress, "str")
show(lzma.LZMADecompressor().decompress, b"", max_length="x")
d = lzma.LZMADecompressor()
show(setattr, d, "check", 1)
show(setattr, d, "eof", True)
import pickle
show(pickle.dumps, lzma.LZMACompressor())
show(pickle.dumps, lzma.LZMADecompressor())
for t in (_lzma.LZMACompressor, _lzma.LZMADecompressor):
    try:
        class Sub(t): pass
    except TypeError as e:
        print(e)
print(_lzma.LZMADecompressor.decompress.__text_signature__, _lzma._decode_filter_properties.__text_signature__)

# LZMAFile
buf = io.BytesIO()
with lzma.LZMAFile(buf, "w", preset=2) as f:
    f.write(data[:10000])
    f.write(data[10000:])
rawf = buf.getvalue()
with lzma.LZMAFile(io.BytesIO(rawf)) as f:
    print(f.read(10), f.readline(), len(f.read()))
with lzma.LZMAFile(io.BytesIO(rawf + lzma.compress(b"more"))) as f:
    f.seek(len(data) - 3)
    print(f.read(), f.tell())
with lzma.open(io.BytesIO(rawf), "rt", encoding="ascii") as f:
    print(len(f.readlines()))
try:
    with lzma.LZMAFile(io.BytesIO(rawf[:-30])) as f:
        f.read()
except EOFError as e:
    print("EOFError", e)
