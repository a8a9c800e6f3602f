# binary files
import os
fn = '_file_binary.tmp'
with open(fn, 'wb') as f:
    print(type(f).__name__, f.mode, f.write(b'\x00\x01abc\n'), f.write(bytearray(b'xyz\n')), f.write(b'tail'))
    print(f.tell())
with open(fn, 'rb') as f:
    print(type(f).__name__, f.mode, f.read(2), f.readline(), f.tell(), f.readline(2), f.readlines())
    print(f.read(), f.read(5))
with open(fn, 'rb') as f:
    print(list(f))
    f.seek(2)
    print(f.read(3), f.seek(-2, 2), f.read(), f.seek(1), f.seek(2, 1), f.read(1))
with open(fn, 'r+b') as f:
    print(type(f).__name__, f.mode)
    f.seek(2)
    f.write(b'AB')
    f.seek(0)
    print(f.read())
    ba = bytearray(4)
    f.seek(0)
    print(f.readinto(ba), ba)
with open(fn, 'ab') as f:
    print(type(f).__name__, f.mode, f.tell())
with open(fn, 'rb', buffering=0) as f:
    print(type(f).__name__, f.read(3))
for bad in ['s', 5, None]:
    try:
        with open(fn, 'ab') as f:
            f.write(bad)
    except TypeError as e:
        print(type(e).__name__, e)
with open(fn, 'rb') as f:
    data = f.read()
print(len(data), data[-4:])
f = open(fn, 'rb')
f.close()
for name in ['read', 'readline']:
    try:
        getattr(f, name)()
    except ValueError as e:
        print(name, type(e).__name__, e)
print(repr(f).startswith('<_io.BufferedReader'))
os.remove(fn)
