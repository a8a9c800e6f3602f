# os.chown, lchown, fchown and utime (times, ns, descriptors) and their errors
import os, tempfile
d = tempfile.mkdtemp(); p = os.path.join(d, 'f'); open(p, 'w').close()
os.utime(p, (1, 2.5)); st = os.stat(p); print(st.st_atime, st.st_mtime)
os.utime(p, ns=(10**9, 3*10**9+5)); st = os.stat(p); print(st.st_atime_ns, st.st_mtime_ns)
os.utime(p); os.chown(p, -1, -1); os.lchown(p, 0, 0); fd = os.open(p, os.O_RDONLY); os.fchown(fd, 0, -1); os.utime(fd, (5, 6)); os.close(fd)
print(os.stat(p).st_mtime)
for f, a, k in [(os.utime, (p, (1,)), {}), (os.utime, (p, 1), {}), (os.utime, (p, (1, 2)), {'ns': (1, 2)}), (os.utime, (p,), {'ns': (1.0, 2)}), (os.chown, (p, 'a', 0), {}), (os.chown, (p, 0, 1.5), {}), (os.chown, (p, -2, 0), {}), (os.chown, (d + '/nope', 0, 0), {}), (os.lchown, (3, 0, 0), {}), (os.fchown, ('x', 0, 0), {}), (os.utime, (d + '/nope',), {})]:
    try: f(*a, **k); print('ok')
    except Exception as e: print(type(e).__name__, str(e).replace(d, 'D'))
print(os.utime in os.supports_fd, os.chown in os.supports_follow_symlinks, os.utime in os.supports_dir_fd)
import shutil; shutil.rmtree(d)
