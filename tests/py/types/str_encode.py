# encode / decode
s = 'caf\u00e9 \u20ac'
b = s.encode()
print(b, len(s), len(b), b.decode(), s.encode('utf-8') == b)
print('abc'.encode('ascii'), 'é'.encode('latin-1'), b'\xe9'.decode('latin-1'))
try:
    s.encode('ascii')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b'\xff\xfe'.decode('utf-8')
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(s.encode('ascii', 'replace'), s.encode('ascii', 'ignore'), b'a\xffb'.decode('utf-8', 'replace'), b'a\xffb'.decode('utf-8', 'ignore'))
print(str(b'xy', 'ascii'), bytes('hi', 'utf-8'), isinstance(UnicodeEncodeError('ascii', 'x', 0, 1, 'r'), UnicodeError))
