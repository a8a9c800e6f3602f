# zlib: compressobj/decompressobj streaming, flush modes, max_length, unused_data,
# unconsumed_tail, eof, zdict, copy, and their errors
import zlib, copy, pickle

def show(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r) if not isinstance(r, bytes) or len(r) < 80 else (len(r), r[:20]))
    except Exception as e:
        print(type(e).__name__, e)

data = b"".join(b"line %d of some text that repeats\n" % i for i in range(2000))

# streaming in pieces
co = zlib.compressobj()
parts = [co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(co.flush())
comp = b"".join(parts)
print(len(comp), comp == zlib.compress(data), zlib.decompress(comp) == data)
do = zlib.decompressobj()
out = b"".join(do.decompress(comp[i:i + 77]) for i in range(0, len(comp), 77)) + do.flush()
print(out == data, do.eof, do.unused_data, do.unconsumed_tail)

# parameters
for args in [(9,), (0,), (1, zlib.DEFLATED, -12), (6, zlib.DEFLATED, 31, 9, zlib.Z_FILTERED),
             (6, zlib.DEFLATED, 15, 1, zlib.Z_HUFFMAN_ONLY), (6, 8, 15, 8, zlib.Z_RLE), (6, 8, 15, 8, zlib.Z_FIXED)]:
    co = zlib.compressobj(*args)
    c = co.compress(data) + co.flush()
    wbits = args[2] if len(args) > 2 else 15
    print(args, len(c), zlib.decompress(c, wbits) == data)
co = zlib.compressobj(level=1, wbits=-15, memLevel=9, strategy=zlib.Z_DEFAULT_STRATEGY, method=zlib.DEFLATED)
c = co.compress(data) + co.flush()
print(zlib.decompress(c, -15) == data)

# flush modes
co = zlib.compressobj()
a = co.compress(b"abc" * 100)
for mode in (zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_BLOCK):
    f = co.flush(mode)
    print(mode, f.hex())
    a += f
b = co.compress(b"def")
print(zlib.decompress(a + b + co.flush())[-6:])
co = zlib.compressobj()
s = co.compress(b"partial") + co.flush(zlib.Z_SYNC_FLUSH)
print(zlib.decompressobj().decompress(s))

# max_length and unconsumed_tail
comp = zlib.compress(data)
do = zlib.decompressobj()
chunk = do.decompress(comp, 100)
print(len(chunk), len(do.unconsumed_tail) > 0, do.eof)
got = [chunk]
while do.unconsumed_tail:
    got.append(do.decompress(do.unconsumed_tail, 5000))
    assert len(got[-1]) <= 5000
got.append(do.flush())
print(b"".join(got) == data, do.eof, do.unconsumed_tail)
do = zlib.decompressobj()
print(len(do.decompress(comp, 1)), len(do.unconsumed_tail))
print(len(do.flush()) == len(data) - 1, do.eof)

# unused_data and eof
do = zlib.decompressobj()
print(do.decompress(zlib.compress(b"first") + b"tail data"), do.unused_data, do.eof)
print(do.decompress(b"more"), do.unused_data, do.eof)
do = zlib.decompressobj()
c = zlib.compress(b"split")
for i in range(len(c)):
    do.decompress(c[i:i + 1])
print(do.eof, do.unused_data)
do.decompress(b"XY")
print(do.unused_data)

# flush of a partial stream, after the end
do = zlib.decompressobj()
print(do.decompress(comp[:50]) == data[:len(do.decompress(b""))] or True, do.eof)
print(len(do.flush()) < len(data), do.eof)
do = zlib.decompressobj()
do.decompress(comp)
print(do.flush(), do.flush(), do.eof)
show(do.decompress, b"x")
show(do.copy)

# zdict
zd = b"line of some text that repeats"
co = zlib.compressobj(zdict=zd)
cz = co.compress(data) + co.flush()
print(len(cz) <= len(comp))
show(zlib.decompress, cz)
show(zlib.decompressobj().decompress, cz)
print(zlib.decompressobj(zdict=zd).decompress(cz) == data)
print(zlib.decompressobj(zdict=bytearray(zd)).decompress(cz) == data)
do = zlib.decompressobj(zdict=b"wrong dictionary")
show(do.decompress, cz)
co = zlib.compressobj(wbits=-15, zdict=zd)
raw = co.compress(data) + co.flush()
print(zlib.decompressobj(-15, zd).decompress(raw) == data)
show(zlib.compressobj, zdict=None)
show(zlib.compressobj, zdict="abc")
show(zlib.decompressobj, zdict="abc")
show(zlib.decompressobj, zdict=None)
show(zlib.decompressobj, zdict=123)

# copy
co = zlib.compressobj()
p = co.compress(data[:5000])
c1, c2, c3 = co.copy(), copy.copy(co), copy.deepcopy(co)
tails = [c.compress(b"END") + c.flush() for c in (co, c1, c2, c3)]
print(len(set(tails)) == 1, zlib.decompress(p + tails[0])[-3:])
show(co.copy)
show(co.compress, b"x")
show(co.flush)
print(co.flush(zlib.Z_NO_FLUSH))
do = zlib.decompressobj()
first = do.decompress(comp[:100])
d1 = do.copy()
d2 = copy.deepcopy(do)
rest = [d.decompress(comp[100:]) + d.flush() for d in (do, d1, d2)]
print(first + rest[0] == data, rest[0] == rest[1] == rest[2])
print(type(co), type(do), type(co).__name__, type(co).__module__)

# errors
show(zlib.compressobj, 10)
show(zlib.compressobj, 1, 3)
show(zlib.compressobj, 1, 8, 99)
show(zlib.compressobj, 1, 8, 15, 10)
show(zlib.compressobj, 1, 8, 15, 9, 99)
show(zlib.compressobj, wbits=-8)
show(zlib.compressobj, level="1")
show(zlib.compressobj, 1, 2, 3, 4, 5, 6, 7)
show(zlib.compressobj, foo=1)
show(zlib.decompressobj, 99)
show(zlib.decompressobj, -7)
show(zlib.decompressobj, 1.5)
show(zlib.decompressobj().decompress, b"x", -1)
show(zlib.decompressobj().decompress, "abc")
show(zlib.decompressobj().decompress, b"abc", max_length="x")
show(zlib.decompressobj().flush, 0)
show(zlib.decompressobj().flush, -5)
show(zlib.decompressobj().flush, 1, 2)
show(zlib.decompressobj().decompress, b"\x78\x9c\xff\xff")
show(zlib.decompressobj().decompress, b"not zlib at all")
do = zlib.decompressobj()
show(do.decompress, b"not zlib")
show(do.decompress, b"again")
print(do.flush())
show(zlib.compressobj().compress, "str")
show(zlib.compressobj().flush, "x")
show(type(co))
show(type(do))
show(pickle.dumps, zlib.compressobj())
show(pickle.dumps, zlib.decompressobj())
show(setattr, do, "eof", True)
show(setattr, do, "unused_data", b"")
show(setattr, do, "unconsumed_tail", b"")
show(setattr, co, "x", 1)
print(type(do).decompress.__text_signature__, type(do).flush.__text_signature__)
print(type(co).flush.__text_signature__, type(co).compress.__text_signature__)
print(zlib.decompressobj.__text_signature__)
show(zlib.compressobj().copy, 1)
print(type(zlib.decompressobj().copy(x=1)).__name__)
show(zlib.compressobj().__deepcopy__)
