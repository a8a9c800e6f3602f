import os
fn = '_m_open_modes.tmp'
with open(fn, 'w') as f:
    print(f.write('line1\nline2\n'), f.mode, f.name, f.closed, f.writable(), f.readable())
    f.writelines(['a\n', 'b\n'])
print(f.closed)
with open(fn) as f:
    print(repr(f.read()))
with open(fn, 'r') as f:
    print(repr(f.readline()), repr(f.readline(3)), f.readlines())
with open(fn) as f:
    print([l for l in f])
with open(fn, 'a') as f:
    f.write('appended')
with open(fn, 'rt') as f:
    print(f.read().splitlines())
with open(fn, 'r+') as f:
    f.write('LINE')
    f.seek(0)
    print(repr(f.read(8)), f.tell())
with open(fn, 'w+') as f:
    f.write('fresh')
    f.seek(0)
    print(f.read())
with open(fn, 'a+') as f:
    f.write('+more')
    f.seek(0)
    print(f.read())
with open(fn, 'rb') as f:
    b = f.read(); print(b, type(b).__name__, f.mode)
with open(fn, 'wb') as f:
    print(f.write(b'\x00\x01bin\xff'), f.mode)
with open(fn, 'rb') as f:
    print(f.read(2), f.read(), f.read())
with open(fn, 'ab') as f:
    f.write(bytearray(b'!!'))
with open(fn, 'r+b') as f:
    f.seek(2); f.write(b'B'); f.seek(0); print(f.read())
with open(fn, 'br') as f:
    print(list(f))
os.remove(fn)
with open(fn, 'x') as f:
    f.write('excl')
try:
    open(fn, 'x')
except FileExistsError as e:
    print('FileExistsError', e)
with open(fn, 'xb' if False else 'r', encoding='utf-8') as f:
    print(f.read(), f.encoding)
with open(fn, 'w', encoding='utf-8') as f:
    f.write('héllo €\n')
with open(fn, 'rb') as f:
    print(f.read())
with open(fn, encoding='utf-8') as f:
    print(f.read(3), f.read())
with open(fn, 'w', newline='') as f:
    f.write('a\r\nb\rc\n')
with open(fn, 'rb') as f:
    print(f.read())
with open(fn) as f:
    print(repr(f.read()))
with open(fn, newline='') as f:
    print(repr(f.read()))
for mode in ['z', 'rw', 'rr', 'wa', '', 'b', 't', 'rbt']:
    try:
        open(fn, mode)
    except ValueError as e:
        print(repr(mode), e)
try:
    open(fn, 'rb', encoding='utf-8')
except ValueError as e:
    print(e)
f = open(fn)
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
f = open(fn, 'w')
try:
    f.read()
except OSError as e:
    print(type(e).__name__, e)
f.close()
f = open(fn)
try:
    f.write('x')
except OSError as e:
    print(type(e).__name__, e)
f.close()
try:
    open('/nonexistent_dir/x.txt')
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, e)
try:
    open('.')
except IsADirectoryError as e:
    print(e)
print(repr(open(fn)).startswith("<_io.TextIOWrapper name='_m_open_modes.tmp' mode='r'"), repr(open(fn, 'rb')).startswith("<_io.BufferedReader"))
os.remove(fn)
