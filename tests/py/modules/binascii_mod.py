# binascii: every function, the bytes-like and ASCII str arguments, the errors
import binascii

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

print(binascii.Error.__mro__, binascii.Incomplete.__mro__)
print(binascii.__doc__, binascii.__name__)
print(sorted(n for n in dir(binascii) if not n.startswith('__')))
print(repr(binascii.hexlify), binascii.a2b_qp.__doc__)

# hex
for f in (binascii.hexlify, binascii.b2a_hex):
    show(f, b'\x00\x01\xfe\xff')
    show(f, bytearray(b'abc'))
    show(f, memoryview(b'abcdef'))
    show(f, 'abc')
    show(f, b'abcdef', '-')
    show(f, b'abcdefg', b':', 2)
    show(f, b'abcdefg', ':', -2)
    show(f, b'abcdefg', sep=' ', bytes_per_sep=3)
    show(f, b'abc', bytes_per_sep=2)
    show(f, b'abc', '')
    show(f, b'abc', 'é')
    show(f, b'abc', 1)
    show(f, data=b'xy')
for f in (binascii.unhexlify, binascii.a2b_hex):
    show(f, b'0102fEfF')
    show(f, '0102abcd')
    show(f, bytearray(b'00'))
    show(f, b'012')
    show(f, b'0g')
    show(f, 'é1')
    show(f, 12)
    show(f, '')

# base64
show(binascii.b2a_base64, b'')
show(binascii.b2a_base64, b'a')
show(binascii.b2a_base64, b'ab')
show(binascii.b2a_base64, b'abc')
show(binascii.b2a_base64, bytes(range(256)))
show(binascii.b2a_base64, b'abcd', newline=False)
show(binascii.b2a_base64, b'abcd', newline=0)
show(binascii.b2a_base64, 'abcd')
show(binascii.b2a_base64, b'abcd', newline='x')
for s in [b'YWJj', 'YWJj', b'YWI=', b'YWI', b'YQ==', b'YQ=', b'Y', b'YWJjZ', b'YW Jj\n',
          b'YQ==YWJj', b'=YWJj', b'YW=Jj', b'!!!!', b'', b'YWJjZA===', bytearray(b'YWJj')]:
    show(binascii.a2b_base64, s)
    show(binascii.a2b_base64, s, strict_mode=True)
show(binascii.a2b_base64, 'YWJ\xe9')
show(binascii.a2b_base64, 3.5)

# uu
show(binascii.b2a_uu, b'')
show(binascii.b2a_uu, b'', backtick=True)
show(binascii.b2a_uu, b'Cat')
show(binascii.b2a_uu, b'\x00\x00\x00', backtick=True)
show(binascii.b2a_uu, bytes(range(45)))
show(binascii.b2a_uu, bytes(46))
for s in [b'#0V%T\n', '#0V%T', b'', b'!', b'\n', b' ', b'#0V%T   \n', b'#0V%Tx', b'!\x7f', b'#0V%T````']:
    show(binascii.a2b_uu, s)

# quoted-printable
for s in [b'hello', b'a=b', b'caf\xc3\xa9', b'trailing space \nnext', b'tab\t\r\nline',
          b'.\n', b'x' * 100, b'a_b c', b'\x00ctrl', b'end ', b'line1\r\nline2  \r\n']:
    show(binascii.b2a_qp, s)
    show(binascii.b2a_qp, s, quotetabs=True)
    show(binascii.b2a_qp, s, istext=False)
    show(binascii.b2a_qp, s, header=True)
show(binascii.b2a_qp, data=b'x y', header=1)
for s in [b'a=3Db', 'caf=C3=A9', b'soft=\nbreak', b'soft=\r\nbreak', b'==', b'=4', b'=zz', b'=',
          b'under_score', b'=\r  junk\nrest']:
    show(binascii.a2b_qp, s)
    show(binascii.a2b_qp, s, header=True)

# CRCs
show(binascii.crc32, b'')
show(binascii.crc32, b'hello world')
show(binascii.crc32, b'world', binascii.crc32(b'hello '))
show(binascii.crc32, b'abc', -1)
show(binascii.crc32, b'abc', 2**70 + 3)
show(binascii.crc32, memoryview(b'abc'))
show(binascii.crc32, 'abc')
show(binascii.crc32, b'abc', 'x')
show(binascii.crc32)
show(binascii.crc32, b'a', 1, 2)
show(binascii.crc_hqx, b'123456789', 0xffff)
show(binascii.crc_hqx, b'hello', 0)
show(binascii.crc_hqx, b'hello', 2**40 + 7)
show(binascii.crc_hqx, b'hello')

# the non-contiguous and wrong-type cases
show(binascii.b2a_hex, memoryview(b'abcdef')[::2])
show(binascii.a2b_base64, memoryview(b'YWJjYWJj')[::2])
show(binascii.b2a_base64, None)
try:
    raise binascii.Error('x')
except ValueError as e:
    print('caught as ValueError', repr(e))
