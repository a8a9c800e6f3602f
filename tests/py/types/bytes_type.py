# bytes
b = b'hello world'
print(b, len(b), b[0], b[1:5], b[::-1], b.upper(), b.split(), b.replace(b'l', b'L'), b.find(b'o'), b.count(b'l'))
print(bytes(3), bytes([65, 66]), bytes(range(3)), bytes('é', 'utf-8'), bytes(b'copy'), b'ab' + b'cd', b'ab' * 2)
print(b.hex(), bytes.fromhex('41 42 ff'), b.startswith(b'he'), b.endswith(b'x'), b.strip(b'hd'), b'a,b'.split(b','))
print(b'-'.join([b'a', b'b']), list(b'abc'), b'abc' == b'abc', b'a' < b'b', b'x' in b'xyz', 120 in b'xyz')
print(b.decode(), b.isalpha(), b'123'.isdigit(), b'Ab'.lower(), b'  x '.strip(), b.index(b'w'), b.partition(b' '))
print(repr(b'\x00\x7f\x80\xff'), repr(b'\t\n\r'), bytes([0x41]) * 3, hash(b'a') == hash(b'a'))
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    b'a' + 'b'
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes('x')
except TypeError as e:
    print(type(e).__name__, e)
print(b.title(), b'abc'.center(7, b'*'), b'%d' % 5, b.rfind(b'o'), b.split(b'o', 1), b'a b'.rsplit())
