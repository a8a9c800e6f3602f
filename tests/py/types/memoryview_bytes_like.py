# memoryview is bytes-like wherever bytes-like objects are taken, with CPython's errors for strided and other-format views.
def noaddr(s):
    i = s.find(' at 0x')
    while i >= 0:
        j = i + 6
        while j < len(s) and s[j] in '0123456789abcdef':
            j += 1
        s = s[:i] + ' at ADDR' + s[j:]
        i = s.find(' at 0x')
    return s

import os, pickle
def show(label, f):
    try:
        r = f()
        print(label, noaddr(repr(r)))
    except Exception as e:
        print(label, type(e).__name__, noaddr(str(e)))
nc = memoryview(b'abcdef')[::2]
c = memoryview(b'abc')
i2 = memoryview(bytearray(b'\x01\x00\x00\x00\x02\x00\x00\x00')).cast('i')
for name, v in [('contig', c), ('noncontig', nc), ('int-fmt', i2)]:
    show(name + ' bytes', lambda: bytes(v))
    show(name + ' bytearray', lambda: bytearray(v))
    show(name + ' extend', lambda: bytearray(b'>').extend(v))
    show(name + ' iadd', lambda: bytearray(b'>') .__iadd__(v))
    show(name + ' add', lambda: b'>' + v)
    show(name + ' ba add', lambda: bytearray(b'>') + v)
    show(name + ' join', lambda: b'-'.join([v, v]))
    show(name + ' find', lambda: b'abcabc'.find(v))
    show(name + ' in', lambda: v in b'abcabc')
    show(name + ' startswith', lambda: b'abc'.startswith(v))
    show(name + ' split', lambda: b'xabcx'.split(v))
    show(name + ' replace', lambda: b'xabcx'.replace(v, b'_'))
    show(name + ' strip', lambda: b'abcxxabc'.strip(v))
    show(name + ' translate', lambda: b'ab'.translate(None, v))
    show(name + ' from_bytes', lambda: int.from_bytes(v, 'little'))
    show(name + ' int', lambda: int(v))
    show(name + ' float', lambda: float(v))
    show(name + ' str', lambda: str(v, 'latin-1'))
    show(name + ' decode', lambda: bytes.decode(v))
    show(name + ' fromhex', lambda: bytes.fromhex(v))
    show(name + ' pickle', lambda: pickle.loads(v) if v is not c and v is not i2 else 'cpython pickle format')
    show(name + ' compile', lambda: compile(v, 'f', 'eval'))
    show(name + ' eq bytes', lambda: b'abc' == v)
    show(name + ' maketrans', lambda: bytes.maketrans(v, v))
    show(name + ' ba setslice', lambda: (lambda b: (b.__setitem__(slice(0, 1), v), b))(bytearray(b'zz')))
    show(name + ' pct', lambda: b'%s' % v)
    show(name + ' bytes.join item', lambda: bytes().join([v]))
    show(name + ' ba.join', lambda: bytearray(b',').join([v]))
    show(name + ' center', lambda: b'a'.center(5, v))
    show(name + ' count', lambda: b'abcabc'.count(v))
    show(name + ' partition', lambda: b'xabcx'.partition(v))
    show(name + ' hex', lambda: v.hex())
    show(name + ' write', lambda: os.write(os.open('/dev/null', os.O_WRONLY), v))
    show(name + ' fwrite', lambda: open('/dev/null', 'wb').write(v))
