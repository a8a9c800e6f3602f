# struct pack/unpack, Struct objects and iter_unpack.
import struct
t = 0
S = struct.Struct("<IhdQ")
for i in range(300000):
    b = struct.pack("<IhQ", i, i % 1000, i * 3)
    a, c, d = struct.unpack("<IhQ", b)
    e = S.pack(i, 1, 2.5, i)
    t += a + c + d + S.unpack(e)[0] + len(e)
buf = S.pack(1, 2, 3.0, 4) * 10000
t += sum(x[0] for x in S.iter_unpack(buf))
print(t)
