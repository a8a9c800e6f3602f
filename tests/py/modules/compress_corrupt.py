# test: timeout=120
# corrupted, truncated and random input to every decompressor: always an exception
# or data, never a crash; the outcomes per module match CPython's
import bz2, lzma, random, zlib

rng = random.Random(1234)
data = b"".join(b"%d:%s\n" % (i, b"abc" * (i % 17)) for i in range(2000))
streams = {
    "zlib": (zlib.compress(data), lambda b: zlib.decompress(b)),
    "zlibobj": (zlib.compress(data), lambda b: zlib.decompressobj().decompress(b, 1000)),
    "gzip": (zlib.compress(data, wbits=31), lambda b: zlib.decompress(b, 47)),
    "raw": (zlib.compress(data, wbits=-15), lambda b: (lambda d: d.decompress(b) + d.flush())(zlib.decompressobj(-15))),
    "bz2": (bz2.compress(data), lambda b: bz2.BZ2Decompressor().decompress(b, 5000)),
    "xz": (lzma.compress(data), lambda b: lzma.LZMADecompressor().decompress(b, 5000)),
    "alone": (lzma.compress(data, format=lzma.FORMAT_ALONE), lambda b: lzma.decompress(b, lzma.FORMAT_ALONE)),
}
for name, (good, fn) in streams.items():
    outcomes = {}
    for trial in range(60):
        b = bytearray(good)
        kind = trial % 4
        if kind == 0:
            for _ in range(3):
                b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
        elif kind == 1:
            b = b[:rng.randrange(len(b))]
        elif kind == 2:
            b = bytearray(rng.randbytes(rng.randrange(200)))
        else:
            i = rng.randrange(len(b))
            b[i:i + 20] = rng.randbytes(20)
        try:
            r = fn(bytes(b))
            key = "data"
        except Exception as e:
            key = type(e).__name__
        outcomes[key] = outcomes.get(key, 0) + 1
    print(name, sorted(outcomes))
# streaming garbage in small pieces
for mk in (zlib.decompressobj, bz2.BZ2Decompressor, lzma.LZMADecompressor):
    d = mk()
    errs = set()
    for i in range(50):
        try:
            d.decompress(rng.randbytes(7))
        except Exception as e:
            errs.add(type(e).__name__)
    print(mk.__name__, sorted(errs))
