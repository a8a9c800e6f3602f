import os, os.path
from os import path
print(os.path.join('a', 'b', 'c'), os.path.join('/a', '/b', 'c'), os.path.join('a/', 'b'), os.path.join('', 'x'), os.path.join('a', ''))
print(os.path.basename('/x/y/z.txt'), os.path.basename('/x/y/'), os.path.dirname('/x/y/z.txt'), os.path.dirname('z'))
print(os.path.split('/a/b/c'), os.path.split('c'), os.path.split('/'), os.path.splitext('a/b.tar.gz'), os.path.splitext('.bashrc'), os.path.splitext('x.'))
print(os.path.normpath('/a/./b/../c//d/'), os.path.normpath(''), os.path.normpath('../../x'), os.path.normpath('a/b/../../..'))
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.abspath('.') == os.getcwd(), os.path.abspath('/a/../b'))
print(os.path.exists('.'), os.path.exists('/nonexistent/zzz'), os.path.isdir('.'), os.path.isfile('.'), os.path.isfile(__file__))
print(os.path.commonprefix(['/usr/lib', '/usr/local', '/usr/li']), os.path.commonpath(['/usr/lib', '/usr/local']))
print(os.path.relpath('/a/b/c', '/a'), os.path.relpath('/a', '/a/b/c'), os.path.expanduser('x'))
print(os.sep, os.pathsep, os.curdir, os.pardir, os.linesep == '\n', os.name, os.path.sep, os.extsep)
print(path is os.path, os.path.__name__)
print(os.path.splitdrive('/a/b'), os.path.getsize(__file__) > 100, os.path.islink('.'))
print(os.path.basename(b'/x/y.bin'), os.path.join(b'a', b'b'))
print(os.fspath('abc'), os.path.normcase('AbC'))
try:
    os.path.join('a', 5)
except TypeError as e:
    print('TypeError', e)
try:
    os.path.getsize('/nonexistent/zzz')
except OSError as e:
    print(type(e).__name__, e.errno, e)
