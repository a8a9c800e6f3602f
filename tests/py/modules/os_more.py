# os: stat, makedirs/walk/rename, environ mapping, fds, os.path extras
import os
import os.path
import sys
print(os.path is sys.modules['os.path'], os.error is OSError, os.name, os.sep, os.pathsep, os.devnull, os.curdir, os.pardir, os.extsep)
base = '_os_more_tmp'
os.makedirs(os.path.join(base, 'a', 'b'), exist_ok=True)
os.makedirs(os.path.join(base, 'a', 'b'), exist_ok=True)
try:
    os.makedirs(os.path.join(base, 'a'))
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.filename)
with open(os.path.join(base, 'a', 'f.txt'), 'w') as f:
    f.write('hello')
st = os.stat(os.path.join(base, 'a', 'f.txt'))
print(st.st_size, st[6], len(st), type(st.st_mtime).__name__, type(st[8]).__name__, oct(st.st_mode & 0o170000), isinstance(st, tuple))
print(os.path.getsize(os.path.join(base, 'a', 'f.txt')), os.path.isfile(os.path.join(base, 'a', 'f.txt')), os.path.isdir(os.path.join(base, 'a', 'b')))
os.rename(os.path.join(base, 'a', 'f.txt'), os.path.join(base, 'g.txt'))
print(sorted(os.listdir(base)), sorted(os.listdir(os.path.join(base, 'a'))))
for root, dirs, files in os.walk(base):
    dirs.sort()
    print(root, sorted(dirs), sorted(files))
print([e.name for e in sorted(os.scandir(base), key=lambda e: e.name)], [e.is_dir() for e in sorted(os.scandir(base), key=lambda e: e.name)])
os.remove(os.path.join(base, 'g.txt'))
os.removedirs(os.path.join(base, 'a', 'b'))
print(os.path.exists(base))
try:
    os.rmdir('no_such_dir_xyz')
except OSError as e:
    print(type(e).__name__, e)
try:
    os.stat('no_such_file_xyz')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    os.mkdir('.')
except FileExistsError as e:
    print(type(e).__name__, e)
# environ
os.environ['GILPY_T1'] = 'v1'
print(os.environ['GILPY_T1'], os.getenv('GILPY_T1'), os.getenv('GILPY_NOPE', 'dflt'), 'GILPY_T1' in os.environ)
print(os.environ.pop('GILPY_T1'), 'GILPY_T1' in os.environ, os.environ.get('GILPY_T1'))
os.environ.setdefault('GILPY_T2', 'x'); print(os.environ['GILPY_T2']); del os.environ['GILPY_T2']
try:
    os.environ['GILPY_NOPE']
except KeyError as e:
    print('KeyError', e)
try:
    os.environ['X'] = 1
except TypeError as e:
    print('TypeError', e)
# fds
r, w = os.pipe()
print(os.write(w, b'abc'), os.read(r, 10), os.read(r, 0))
os.close(w)
print(os.read(r, 10))
os.close(r)
try:
    os.close(r)
except OSError as e:
    print(type(e).__name__, e.errno)
# misc
print(len(os.urandom(8)), type(os.urandom(0)).__name__, os.strerror(2), os.cpu_count() > 0)
print(os.fspath('a'), os.fspath(b'b'))
class P:
    def __fspath__(self):
        return 'pathlike'
print(os.fspath(P()), os.path.join(P(), 'x'), os.path.basename(P()))
try:
    os.fspath(3)
except TypeError as e:
    print(e)
print(os.path.expanduser('~') == os.environ.get('HOME'), os.path.expanduser('nochange'), os.path.expandvars('$HOME') == os.environ.get('HOME'), os.path.expandvars('$NO_SUCH_VAR_Q/x'))
print(os.path.normpath('/a/./b/../../..'), os.path.normpath('//a//b'), os.path.normpath('///a'), os.path.normpath(''), os.path.normpath('../x/..'))
print(os.path.splitext('.bashrc'), os.path.splitext('a/.b.c'), os.path.splitext('x..'), os.path.split('/'), os.path.split('a'), os.path.split('//x'))
print(os.path.relpath('/a/b/c', '/a/d'), os.path.commonprefix(['abc', 'abd']), os.path.commonpath(['/a/b/c', '/a/b/d']), os.path.isabs('/x'))
print(os.path.realpath('/') , os.path.abspath('.') == os.getcwd(), os.path.dirname('/'), os.path.basename(''), os.path.join('a', 'b/', 'c'))
print(os.WNOHANG, os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.access('.', os.R_OK), os.linesep == '\n')
cwd = os.getcwd()
os.chdir('..')
print(os.getcwd() == os.path.dirname(cwd))
os.chdir(cwd)
print(os.getcwd() == cwd, os.getpgid(0) > 0, os.getpgrp() > 0)
