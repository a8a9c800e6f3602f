# bytearray
ba = bytearray(b'abc')
ba.append(100)
ba.extend(b'ef')
ba[0] = 65
print(ba, len(ba), ba[1], ba[-1], bytes(ba), ba.decode())
ba[1:3] = b'XYZ'
print(ba)
del ba[0]
print(ba, ba.pop(), ba)
ba.insert(0, 33)
ba.reverse()
print(ba, ba.find(b'Z'), ba.count(b'X'), ba.upper(), ba + b'!', ba * 2)
print(bytearray(3), bytearray([1, 2]), bytearray('hé', 'utf-8'), bytearray(b'x') == b'x')
ba2 = bytearray(b'hello')
ba2.remove(ord('l'))
print(ba2, ba2.hex(), ba2.copy(), list(ba2))
ba2.clear()
print(ba2, len(ba2))
try:
    bytearray(b'a')[0] = 300
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytearray().pop()
except IndexError as e:
    print(type(e).__name__, e)
b3 = bytearray(b'xyz')
b3 += b'!'
print(b3, repr(b3), str(b3))
