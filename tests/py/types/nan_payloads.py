# NaNs with payload bits read from bytes are ordinary NaNs (never mistaken for
# other values): struct, pickle, array, memoryview, marshal.
import array, marshal, math, pickle, struct

raw_d = [b'\x00\x00\x00\x00\x00\x00\xfc\x7f', b'\x01\x00\x00\x00\x00\x00\xfd\xff', b'\xff' * 8,
         b'\x00\x00\x00\x00\x00\x00\xf8\x7f']
raw_f = [b'\x00\x00\xe0\x7f', b'\x01\x00\xfe\xff', b'\xff' * 4]
vals = []
for r in raw_d:
    vals.append(struct.unpack('<d', r)[0])
    vals.append(pickle.loads(b'G' + r[::-1] + b'.'))
    vals.append(array.array('d', r)[0])
    vals.append(memoryview(r).cast('d')[0])
    vals.append(marshal.loads(b'g' + r))
for r in raw_f:
    vals.append(struct.unpack('<f', r)[0])
    vals.append(array.array('f', r)[0])
    vals.append(memoryview(r).cast('f')[0])
print(len(vals), all(math.isnan(v) for v in vals), all(type(v) is float for v in vals))
print([repr(v) for v in vals[:5]], vals[0] != vals[0], [v + 1 for v in vals[:2]])
d = {}
for v in vals:
    d[id(v)] = v
print(sorted(set(str(v) for v in vals)), max(1.0, vals[0]) == 1.0 or math.isnan(max(1.0, vals[0])))
