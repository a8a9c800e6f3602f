# os and os.path
import os
print(type(os.getpid()).__name__, os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print(os.path.basename(os.getcwd()), os.path.isabs(os.getcwd()), os.cpu_count() >= 1)
os.environ['GILPY_TEST_VAR'] = 'set'
print(os.environ['GILPY_TEST_VAR'], os.environ.get('NO_SUCH_VAR_XYZ'), 'PATH' in os.environ, os.getenv('GILPY_TEST_VAR'))
d = '_os_tmpdir_test'
if not os.path.exists(d):
    os.mkdir(d)
for n in ['b.txt', 'a.txt']:
    with open(os.path.join(d, n), 'w') as f:
        f.write(n)
print(sorted(os.listdir(d)), os.path.exists(os.path.join(d, 'a.txt')), os.path.isfile(os.path.join(d, 'a.txt')), os.path.isdir(d))
for n in os.listdir(d):
    os.remove(os.path.join(d, n))
os.rmdir(d)
print(os.path.exists(d), os.sep, os.linesep == '\n', os.name)
print(os.path.join('a', 'b', 'c'), os.path.join('/abs', 'x'), os.path.join('a', '/root'), os.path.join('a/', 'b'), os.path.join('', 'x'))
print(os.path.basename('/x/y/z.py'), os.path.basename('/x/y/'), os.path.dirname('/x/y/z.py'), os.path.dirname('z.py'), os.path.split('/a/b'))
print(os.path.splitext('f.tar.gz'), os.path.splitext('noext'), os.path.abspath('x') == os.path.join(os.getcwd(), 'x'), os.path.normpath('a//b/../c'))
print(os.path.abspath('/a/b/../c'), os.path.exists('/definitely/not/here'), os.path.isabs('rel'))
try:
    os.remove('no_such_file_here.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    os.listdir('no_such_dir_here')
except FileNotFoundError as e:
    print(type(e).__name__, e)
