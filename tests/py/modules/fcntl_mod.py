# fcntl: fcntl/ioctl/flock/lockf with ints, bytes and buffers; constants; errors
import array
import fcntl
import os
import struct
import tempfile
import termios


def t(label, f, *a):
    try:
        r = f(*a)
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)


class BadFile:
    def __init__(self, fn):
        self.fn = fn

    def fileno(self):
        return self.fn


names = sorted(n for n in dir(fcntl) if not n.startswith('_'))
print(names)
for n in names:
    v = getattr(fcntl, n)
    if isinstance(v, int):
        print(n, v)
for n in ('fcntl', 'ioctl', 'flock', 'lockf'):
    print(n, getattr(fcntl, n).__text_signature__)

r, w = os.pipe()
# int argument: F_GETFL / F_SETFL / F_GETFD
fl = fcntl.fcntl(r, fcntl.F_GETFL)
print('rdonly', fl & os.O_ACCMODE == os.O_RDONLY)
print(fcntl.fcntl(r, fcntl.F_SETFL, fl | os.O_NONBLOCK))
print('nonblock', bool(fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK))
print('cloexec', fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
fcntl.fcntl(r, fcntl.F_SETFD, fcntl.FD_CLOEXEC)
print('cloexec', fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
print(fcntl.fcntl(BadFile(r), fcntl.F_GETFD))
# a duplicate through F_DUPFD_CLOEXEC
d = fcntl.fcntl(r, fcntl.F_DUPFD_CLOEXEC, 0)
print('dup', d > w)
os.close(d)
# pipe size
sz = fcntl.fcntl(w, fcntl.F_GETPIPE_SZ)
print('pipesz', sz >= 4096)
fcntl.fcntl(w, fcntl.F_SETPIPE_SZ, 8192)
print(fcntl.fcntl(w, fcntl.F_GETPIPE_SZ))
# masked ints and byte args
t('neg', fcntl.fcntl, r, fcntl.F_GETFD, -1)
t('big', fcntl.fcntl, r, fcntl.F_GETFD, 2**40)
t('str', fcntl.fcntl, r, fcntl.F_GETFD, 'abc')
t('bytes', fcntl.fcntl, r, fcntl.F_GETFD, b'abcd')
t('empty', fcntl.fcntl, r, fcntl.F_GETFD, b'')
t('long', fcntl.fcntl, r, fcntl.F_GETFD, b'x' * 1025)
t('1024', fcntl.fcntl, r, fcntl.F_GETFD, b'x' * 1024 == fcntl.fcntl(r, fcntl.F_GETFD, b'x' * 1024))
t('float', fcntl.fcntl, r, fcntl.F_GETFD, 1.5)
t('none', fcntl.fcntl, r, fcntl.F_GETFD, None)
t('bytearray', fcntl.fcntl, r, fcntl.F_GETFD, bytearray(b'ab'))
t('memoryview', fcntl.fcntl, r, fcntl.F_GETFD, memoryview(b'ab'))
t('cmd big', fcntl.fcntl, r, 2**40)
t('cmd str', fcntl.fcntl, r, 'x')
t('badfd', fcntl.fcntl, 999, fcntl.F_GETFL)
t('negfd', fcntl.fcntl, -1, fcntl.F_GETFL)
t('negfd2', fcntl.fcntl, BadFile(-1), fcntl.F_GETFL)
t('strfd', fcntl.fcntl, 'spam', fcntl.F_GETFL)
t('strfd2', fcntl.fcntl, BadFile('spam'), fcntl.F_GETFL)
t('hugefd', fcntl.fcntl, 2**31, fcntl.F_GETFL)
t('hugefd2', fcntl.fcntl, BadFile(-2**31 - 1), fcntl.F_GETFL)
t('args1', fcntl.fcntl, r)
t('args4', fcntl.fcntl, r, 1, 2, 3)
try:
    fcntl.fcntl(fd=r, cmd=1)
except TypeError as e:
    print(e)

# ioctl: FIONREAD with an int, read-only bytes and writable buffers
os.write(w, b'hello')
t('ioctl bytes', fcntl.ioctl, r, termios.FIONREAD, b'\0\0\0\0')
t('ioctl str', fcntl.ioctl, r, termios.FIONREAD, '    ')
t('ioctl mv', fcntl.ioctl, r, termios.FIONREAD, memoryview(b'abcd'))
b = bytearray(4)
t('ioctl ba', fcntl.ioctl, r, termios.FIONREAD, b)
print(b)
b = bytearray(4)
t('ioctl ba nomut', fcntl.ioctl, r, termios.FIONREAD, b, False)
print(b)
a = array.array('i', [0])
t('ioctl array', fcntl.ioctl, r, termios.FIONREAD, a, True)
print(a)
b = bytearray(2000)
t('ioctl big', fcntl.ioctl, r, termios.FIONREAD, b)
print(b[:4])
t('ioctl big nomut', fcntl.ioctl, r, termios.FIONREAD, bytearray(1025), False)
t('ioctl long str', fcntl.ioctl, r, termios.FIONREAD, 'x' * 1025)
t('ioctl int', fcntl.ioctl, r, 0x5451)   # FIOCLEX
print('cloexec', fcntl.fcntl(r, fcntl.F_GETFD))
t('ioctl int big', fcntl.ioctl, r, termios.FIONREAD, 2**40)
t('ioctl int neg', fcntl.ioctl, r, termios.FIONREAD, -2**40)
t('ioctl float', fcntl.ioctl, r, termios.FIONREAD, 2.0)
t('ioctl none', fcntl.ioctl, r, termios.FIONREAD, None)
t('ioctl notty', fcntl.ioctl, r, termios.TIOCGWINSZ, b'\0' * 8)
t('ioctl req mask', fcntl.ioctl, r, termios.FIONREAD + 2**32, b'\0' * 4)
t('ioctl req -1', fcntl.ioctl, r, -1)
t('ioctl req str', fcntl.ioctl, r, 'x')
t('ioctl req float', fcntl.ioctl, r, 1.0)
t('ioctl fd', fcntl.ioctl, 'x', 1)
t('ioctl args', fcntl.ioctl)
print(os.read(r, 10))

# flock and lockf on a file
with tempfile.TemporaryFile() as f:
    fcntl.flock(f, fcntl.LOCK_SH)
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    fcntl.flock(f, fcntl.LOCK_UN)
    t('flock bad', fcntl.flock, -1, fcntl.LOCK_SH)
    t('flock str', fcntl.flock, 'spam', fcntl.LOCK_SH)
    t('flock op', fcntl.flock, f, 'x')
    t('flock big', fcntl.flock, 2**40, fcntl.LOCK_SH)
    t('flock einval', fcntl.flock, f, 0)
    t('lockf ex', fcntl.lockf, f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    t('lockf un', fcntl.lockf, f, fcntl.LOCK_UN)
    t('lockf sh', fcntl.lockf, f, fcntl.LOCK_SH, 10, 5, os.SEEK_SET)
    t('lockf un', fcntl.lockf, f, fcntl.LOCK_UN, 10, 5)
    t('lockf bad cmd', fcntl.lockf, f, 0)
    t('lockf str len', fcntl.lockf, f, fcntl.LOCK_UN, 'x')
    t('lockf float', fcntl.lockf, f, fcntl.LOCK_UN, 1.0)
    t('lockf huge', fcntl.lockf, f, fcntl.LOCK_UN, 2**70)
    t('lockf whence', fcntl.lockf, f, fcntl.LOCK_SH | fcntl.LOCK_NB, 0, 0, 99)
    t('lockf neg', fcntl.lockf, f, fcntl.LOCK_UN, -5)
    # an exclusive lock held by another process refuses ours
    fcntl.lockf(f, fcntl.LOCK_EX)
    pid = os.fork()
    if pid == 0:
        g = open('/proc/self/fd/%d' % f.fileno(), 'rb+')
        try:
            fcntl.lockf(g, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os._exit(1)
        except BlockingIOError:
            os._exit(0)
        except OSError:
            os._exit(2)
    print('child', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
    # F_GETLK with a struct flock in bytes
    lk = struct.pack('hhqqi4x', fcntl.F_WRLCK, 0, 0, 0, 0)
    res = fcntl.fcntl(f, fcntl.F_GETLK, lk)
    print('getlk', struct.unpack('hhqqi4x', res)[0] == fcntl.F_UNLCK)
    fcntl.fcntl(f, fcntl.F_SETLKW, struct.pack('hhqqi4x', fcntl.F_UNLCK, 0, 0, 0, 0))
os.close(r)
os.close(w)
