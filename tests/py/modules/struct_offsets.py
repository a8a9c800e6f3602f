# struct's offset and format errors: negative and huge offsets, embedded NUL characters.
import struct, sys
b = bytearray(10)
for f, a in [(struct.pack_into, ('<I', b, sys.maxsize, 1)), (struct.unpack_from, ('<I', b, sys.maxsize)), (struct.unpack_from, ('<I', b, -2)), (struct.unpack_from, ('<B', b, -11)), (struct.pack_into, ('<I', b, -2, 1)), (struct.pack_into, ('<B', b, -11, 1)), (struct.calcsize, ('2\0i',)), (struct.calcsize, (b'\0',)), (struct.Struct, ('i\0',)), (struct.unpack_from, ('<I', b, 8)), (struct.unpack_from, ('<I', b, -4))]:
    try: print(f(*a))
    except struct.error as e: print(f.__name__, e)
