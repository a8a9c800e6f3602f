import sys
try:
    sys.stdout.write(5)
except TypeError as e:
    print(e)
f = open('_m_files_std.tmp', 'w'); f.close()
try:
    print('x', file=f)
except ValueError as e:
    print(e)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno(), sys.stdout.writable(), sys.stdin.readable())
print(sys.__stdout__ is sys.stdout, type(sys.stdout).__name__)
with open('_m_files_std.tmp', 'w') as g:
    old = sys.stdout
    sys.stdout = g
    print('redirected')
    sys.stdout = old
print(open('_m_files_std.tmp').read().strip())
with open('_m_files_std.tmp', 'w') as g:
    g.write('1\n2\n3')
with open('_m_files_std.tmp') as g:
    print(g.readline(), end='')
    print(next(g), end='')
    print(g.read(), g.read() == '', g.readline() == '')
    print(g.seek(0), g.read(1), g.tell())
with open('_m_files_std.tmp', 'rb') as g:
    print(g.readline(), g.readlines(), g.seek(-1, 2), g.read(), g.seek(0, 1))
with open('_m_files_std.tmp') as g:
    print(list(enumerate(g)))
g = open('_m_files_std.tmp')
print(g.readable(), g.writable(), g.seekable(), g.name, g.mode, g.closed)
g.close(); g.close()
print(g.closed)
with open('_m_files_std.tmp', 'w') as g:
    print(g.write(''), g.write('é'), g.tell())
with open('_m_files_std.tmp', 'rb') as g:
    print(g.read())
with open('_m_files_std.tmp', 'wb') as g:
    try:
        g.write('str')
    except TypeError as e:
        print(e)
with open('_m_files_std.tmp', 'w') as g:
    try:
        g.write(b'bytes')
    except TypeError as e:
        print(e)
import os
print(sys.argv[1:], sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
import builtins
print(builtins.len is len, builtins.__name__)
import os; os.remove('_m_files_std.tmp')
