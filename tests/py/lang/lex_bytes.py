# Bytes literals
b = b'abc'
print(b, type(b), len(b), b[0], b[-1])
print(B"double", br'raw\n', rb'\x00', Rb'x')
print(b'\x00\xff\n\t', list(b'\x00\xff'))
print(b'a' b'b', b'''tri
ple''')
print(repr(b"it's"), repr(b'say "x"'), repr(b'both \' "'))
print(b'\\', b'\101')
