# open() modes and errors
import os
fn = 'open_builtin.tmp'
with open(fn, 'w') as f:
    f.write('abc\n')
with open(fn, 'x' if False else 'a') as f:
    f.write('def\n')
with open(fn, 'r') as f:
    print(f.read().split())
with open(fn, mode='rt', encoding='utf-8') as f:
    print(f.readline().rstrip(), f.readable(), f.writable())
with open(fn, 'w+') as f:
    f.write('rewrite')
    f.seek(0)
    print(f.read())
try:
    open(fn, 'q')
except ValueError as e:
    print(type(e).__name__, e)
try:
    open('no_such_dir/file.txt')
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    open('.')
except IsADirectoryError as e:
    print(type(e).__name__, e)
try:
    open(fn, 'x')
except FileExistsError as e:
    print(type(e).__name__, e)
f = open(fn)
f.close()
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
os.remove(fn)
