# fcntl and mmap raise CPython's audit events (fcntl.fcntl/ioctl/flock/lockf, mmap.__new__)
import sys, fcntl, mmap, os
def hook(ev, args):
    if ev.startswith(('fcntl.', 'mmap.')):
        print(ev, args)
sys.addaudithook(hook)
r, w = os.pipe()
fcntl.fcntl(r, fcntl.F_GETFD)
fcntl.fcntl(r, fcntl.F_GETFD, b'ab')
fcntl.ioctl(r, 0x541B, b'\0\0\0\0')
fcntl.ioctl(r, 0x5451)
import tempfile
with tempfile.TemporaryFile() as f:
    fcntl.flock(f, fcntl.LOCK_SH)
    fcntl.lockf(f, fcntl.LOCK_UN)
    fcntl.lockf(f, fcntl.LOCK_UN, 5, 2, 1)
m = mmap.mmap(-1, 4096)
m = mmap.mmap(-1, 8192, access=mmap.ACCESS_WRITE)
