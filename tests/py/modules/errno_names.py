# errno: every Linux name CPython defines, with the system's numbers, and
# errorcode naming each number as CPython does where two names share one.
import errno
names = sorted(n for n in dir(errno) if n.startswith('E'))
print(len(names), len(errno.errorcode))
print([(n, getattr(errno, n)) for n in names])
print(sorted(errno.errorcode.items()))
print(errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK], errno.errorcode[errno.ENOTSUP])
print(errno.__doc__.splitlines()[0])
import shutil, os
print(shutil.which('sh') is not None, os.strerror(errno.ENOENT))
d = '/tmp/gilpy_errno_shutil_%d' % os.getpid()
os.makedirs(d + '/a/b', exist_ok=True)
with open(d + '/a/b/f.txt', 'w') as f:
    f.write('x')
shutil.copytree(d + '/a', d + '/c', dirs_exist_ok=True)
print(sorted(os.listdir(d + '/c/b')))
shutil.rmtree(d)
print(os.path.exists(d))
