# m[slice] = another memoryview: compared and copied with its format, shape
# and strides (overlapping copies included), as CPython does.
import array
a = array.array('i', range(6))
m = memoryview(a)
print(m.format, m.itemsize, m.shape, m.strides, m[2:5].format, m[2:5].shape, m[2:5].strides)
m[0:3] = m[2:5]
print(a)
m[:] = array.array('i', range(6))
m[2:5] = m[0:3]
print(a)
b = bytearray(b'abcdef'); mb = memoryview(b)
mb[0:3] = mb[2:5]; print(b)
mb[:] = b'abcdef'; mb[2:5] = mb[0:3]; print(b)
try: m[0:3] = memoryview(b)[0:3]
except Exception as e: print(type(e).__name__, e)
try: m[0:3] = array.array('i', [1, 2])
except Exception as e: print(type(e).__name__, e)
m2 = m.cast('B')
try: m[0:3] = m2[0:3]
except Exception as e: print(type(e).__name__, e)
m[:] = array.array('i', range(6))
m[0:3] = m[::2]
print(a)
m[:] = array.array('i', range(6))
m[::2] = m[3:]
print(a)
r = memoryview(array.array('i', [7, 8, 9]))
r.release()
try: m[0:3] = r
except Exception as e: print(type(e).__name__, e)
md = memoryview(array.array('d', [1.0, 2.0, 3.0]))
try: m[0:3] = md
except Exception as e: print(type(e).__name__, e)
mb[0:2] = memoryview(b'xy'); print(b)
mb[0:2] = memoryview(b'xyxy')[::2]; print(b)
