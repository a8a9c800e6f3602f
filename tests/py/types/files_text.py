# text files from open()
import os
name = 'files_text.tmp'
with open(name, 'w') as f:
    n = f.write('line one\nline two\n')
    f.write('third')
    print('wrote', n, f.closed, f.name, f.mode)
print(f.closed)
with open(name) as f:
    print(repr(f.read()))
with open(name) as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(name, 'r') as f:
    print(f.readlines())
with open(name) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(name, 'a') as f:
    f.write('\nappended')
with open(name) as f:
    print(f.read().splitlines())
with open(name) as f:
    print(repr(f.read(4)), repr(f.read(5)))
f = open(name, 'w')
print(f.write('é€'), file=f) if False else f.write('é€\n')
f.writelines(['a\n', 'b\n'])
f.close()
with open(name, encoding='utf-8') as f:
    print(f.read())
print(list(open(name)))
os.remove(name)
try:
    open(name)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
try:
    with open(name, 'w') as f:
        f.read()
except Exception as e:
    print(type(e).__name__, e)
os.remove(name)
