# _posixshmem: shm_open/shm_unlink and their errors (names carry the pid).
import _posixshmem as p, os
N = '/gilpy-shm-%d' % os.getpid()
def t(label, f):
    try: print(label, repr(f()))
    except Exception as e: print(label, type(e).__name__, e.errno if isinstance(e, OSError) else e, getattr(e, 'filename', None) == N)
fd = p.shm_open(N, os.O_CREAT | os.O_RDWR, 0o600); print(type(fd).__name__); os.close(fd)
t('excl', lambda: p.shm_open(N, os.O_CREAT | os.O_EXCL | os.O_RDWR))
t('unlink', lambda: p.shm_unlink(N))
t('unlink2', lambda: p.shm_unlink(path=N))
t('open missing', lambda: p.shm_open(N, os.O_RDWR))
t('bytes', lambda: p.shm_open(b'/x', 0))
t('nul', lambda: p.shm_open('/x\0y', 0))
t('flags', lambda: p.shm_open('/x', 'a'))
t('nargs', lambda: p.shm_open())
t('kw', lambda: p.shm_unlink(name='x'))
