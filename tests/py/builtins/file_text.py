# text files: read/readline/readlines/iteration/write/writelines/seek/tell/newlines
import os
fn = '_file_text.tmp'
with open(fn, 'w') as f:
    print(f.write('line one\n'), f.write('línea dos\n'), f.write('third'))
    f.writelines(['\n', 'a\n', 'b\n'])
    print(f.name, f.mode, f.closed, f.encoding, f.readable(), f.writable(), f.seekable())
print(f.closed)
with open(fn) as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.read(3)), repr(f.read(2)))
    print(repr(f.read()))
    print(repr(f.read()), repr(f.readline()))
with open(fn) as f:
    print(f.readlines())
with open(fn) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(fn) as f:
    print([len(l) for l in f.readlines(12)])
with open(fn, encoding='utf-8') as f:
    print(repr(f.readline(4)), repr(f.readline(100)), f.tell())
    f.seek(0)
    print(repr(f.read(8)), f.tell())
    print(f.seek(0, 2), repr(f.read()))
# universal newlines
with open(fn, 'wb') as f:
    f.write(b'a\r\nb\rc\nd\r')
with open(fn) as f:
    print(f.readlines())
with open(fn, newline='') as f:
    print(f.readlines())
with open(fn, newline='\r') as f:
    print(f.readlines())
with open(fn, newline='\n') as f:
    print(f.readlines())
with open(fn, newline='\r\n') as f:
    print(f.readlines())
with open(fn, 'w', newline='\r\n') as f:
    f.write('x\ny\n')
with open(fn, 'rb') as f:
    print(f.read())
# append and r+ / w+ / a+
with open(fn, 'w') as f:
    f.write('12345')
with open(fn, 'a') as f:
    print(f.tell())
    f.write('678')
with open(fn, 'r+') as f:
    print(f.read(2))
    f.seek(0)
    f.write('ab')
    print(f.tell())
    f.seek(0)
    print(f.read())
with open(fn, 'a+') as f:
    f.write('Z')
    f.seek(0)
    print(f.read())
with open(fn, 'r+') as f:
    print(f.truncate(3), f.read())
with open(fn) as f:
    print(f.read())
os.remove(fn)
