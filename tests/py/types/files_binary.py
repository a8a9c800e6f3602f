# binary files
import os
name = 'files_binary.tmp'
with open(name, 'wb') as f:
    print(f.write(b'\x00\x01binary\xff'), f.write(bytes(range(5))))
with open(name, 'rb') as f:
    data = f.read()
print(data, len(data), type(data).__name__)
with open(name, 'rb') as f:
    print(f.read(3), f.read(2), f.tell())
    f.seek(0)
    print(f.read(1))
with open(name, 'ab') as f:
    f.write(b'\nnext line\n')
with open(name, 'rb') as f:
    print(f.readline(), f.readline(), list(f))
with open(name, 'r+b') as f:
    f.write(b'XY')
with open(name, 'rb') as f:
    print(f.read()[:4])
try:
    with open(name, 'wb') as f:
        f.write('text')
except TypeError as e:
    print(type(e).__name__, e)
os.remove(name)
print(os.path.exists(name))
