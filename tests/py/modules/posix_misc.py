# The posix module: scandir/DirEntry, descriptors, system information, constants.
import os, sys, stat, tempfile, posix

def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

d = tempfile.mkdtemp()
os.chdir(d)
with open("file", "wb") as f:
    f.write(b"0123456789")
os.mkdir("dir")
os.symlink("file", "link")
os.symlink("nowhere", "broken")

# scandir and DirEntry
with os.scandir(".") as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_file(follow_symlinks=False), e.inode() == os.lstat(e.name).st_ino, os.fspath(e))
print(entries[0].stat().st_size if entries[0].name == "file" else None)
print([e.stat(follow_symlinks=False).st_size == os.lstat(e.name).st_size for e in entries])
err(lambda: [e for e in entries if e.name == "broken"][0].stat())
print(sorted(e.path for e in os.scandir()))
print(sorted((e.name, e.path) for e in os.scandir(b".")))
fd = os.open(".", os.O_RDONLY)
print(sorted((e.name, e.path, e.is_dir()) for e in os.scandir(fd)))
print(type(entries[0]).__name__, os.DirEntry is type(entries[0]), os.DirEntry[str])
err(os.DirEntry)
err(os.scandir, "nope")
err(os.scandir, 1.5)
it = os.scandir(".")
next(it)
it.close()
err(next, it)
print(os.walk.__module__, sorted(os.walk(d))[0][1:])
print(sorted(os.listdir(os.path.join(d, "dir"))), list(os.fwalk("dir")))

# environ: bytes in posix, str in os
print(type(next(iter(posix.environ))).__name__, type(next(iter(os.environ))).__name__)
os.environ["GILPY_T"] = "v1"
print(os.getenv("GILPY_T"), os.environb[b"GILPY_T"], os.popen("echo $GILPY_T").read().strip())
del os.environ["GILPY_T"]
print(os.getenv("GILPY_T"), "GILPY_T" in os.environ)
err(os.putenv, "A=B", "1")
err(os.putenv, "A", "1\0")

# positioned and vectored I/O
fd2 = os.open("file", os.O_RDWR)
print(os.pread(fd2, 4, 2), os.pwrite(fd2, b"xy", 8), os.pread(fd2, 100, 6))
bufs = [bytearray(3), bytearray(4)]
os.lseek(fd2, 0, os.SEEK_SET)
print(os.readv(fd2, bufs), bufs)
os.lseek(fd2, 0, os.SEEK_SET)
print(os.writev(fd2, [b"ab", memoryview(b"cd")]), os.pread(fd2, 10, 0))
print(os.preadv(fd2, [bytearray(2)], 3), os.pwritev(fd2, [b"Z"], 0), os.pread(fd2, 3, 0))
err(os.readv, fd2, [b"immutable"])
err(os.writev, fd2, 5)
err(os.pread, fd2, -1, 0)
os.fsync(fd2); os.fdatasync(fd2); os.sync()
class HasFileno:
    def fileno(self): return fd2
os.fsync(HasFileno())
err(os.fsync, "x")
err(os.fsync, 9999)
os.posix_fallocate(fd2, 0, 20)
print(os.fstat(fd2).st_size)
os.posix_fadvise(fd2, 0, 0, os.POSIX_FADV_NORMAL)
os.lockf(fd2, os.F_TLOCK, 0)
os.lockf(fd2, os.F_ULOCK, 0)
fd3 = os.open("copy", os.O_RDWR | os.O_CREAT)
print(os.copy_file_range(fd2, fd3, 5, 0, 0), os.pread(fd3, 10, 0))
r, w = os.pipe()
print(os.splice(fd2, w, 4, offset_src=1), os.read(r, 10))
os.close(fd3); os.close(r); os.close(w)

# eventfd, memfd, getrandom, pidfd
efd = os.eventfd(3)
os.eventfd_write(efd, 4)
print(os.eventfd_read(efd))
os.close(efd)
efd = os.eventfd(0, os.EFD_SEMAPHORE | os.EFD_NONBLOCK)
err(os.eventfd_read, efd)
os.close(efd)
m = os.memfd_create("gilpy")
os.write(m, b"mem")
print(os.pread(m, 3, 0), os.get_inheritable(m))
os.close(m)
print(len(os.getrandom(8)), len(os.urandom(5)), len(os.getrandom(0, os.GRND_NONBLOCK)))
err(os.urandom, -1)
pfd = os.pidfd_open(os.getpid())
print(pfd > 2)
os.close(pfd)

# terminals
mfd, sfd = os.openpty()
print(os.isatty(sfd), os.ttyname(sfd).startswith("/dev/pts/"), os.get_inheritable(mfd), os.device_encoding(sfd) is not None)
print(os.device_encoding(fd2))
os.close(mfd); os.close(sfd)
err(os.ttyname, fd2)
err(os.get_terminal_size, fd2)
print(os.terminal_size((80, 24)), os.terminal_size.n_fields)

# closerange
fds = [os.dup(fd2) for _ in range(3)]
os.closerange(min(fds), max(fds) + 1)
err(os.fstat, fds[0])
os.close(fd2)

# system information
u = os.uname()
print(type(u).__name__, u.sysname, len(u), u.nodename == u[1])
t = os.times()
print(type(t).__name__, len(t), t.elapsed > 0, t.user >= 0)
print(len(os.getloadavg()), os.cpu_count() > 0)
print(os.sysconf("SC_PAGESIZE") == os.sysconf(os.sysconf_names["SC_PAGESIZE"]), os.confstr("CS_PATH"))
print(os.pathconf(".", "PC_NAME_MAX"), os.fpathconf(fd, "PC_NAME_MAX"), os.pathconf(fd, os.pathconf_names["PC_NAME_MAX"]))
err(os.sysconf, "SC_NOPE")
err(os.sysconf, 1.5)
err(os.confstr, "nope")
err(os.pathconf, "nope", "PC_NAME_MAX")
print(os.ctermid(), os.strerror(2), os.umask(0o22) >= 0)
print(len(posix.sysconf_names) > 100, len(posix.confstr_names) > 20, len(posix.pathconf_names) > 15)

# constants
for n in ["EX_OK", "EX_USAGE", "EX_SOFTWARE", "O_DIRECTORY", "O_NOFOLLOW", "O_TMPFILE", "O_PATH", "SEEK_DATA",
          "SEEK_HOLE", "ST_RDONLY", "ST_NOSUID", "RTLD_NOW", "RTLD_GLOBAL", "SCHED_FIFO", "SCHED_RR",
          "SCHED_BATCH", "SCHED_IDLE", "SCHED_RESET_ON_FORK", "MFD_CLOEXEC", "MFD_HUGETLB", "MFD_HUGE_2MB",
          "GRND_NONBLOCK", "GRND_RANDOM", "XATTR_CREATE", "XATTR_REPLACE", "XATTR_SIZE_MAX", "RWF_NOWAIT",
          "RWF_HIPRI", "SPLICE_F_MOVE", "SPLICE_F_NONBLOCK", "NGROUPS_MAX", "TMP_MAX", "EFD_CLOEXEC",
          "F_LOCK", "F_TLOCK", "F_ULOCK", "F_TEST", "POSIX_FADV_WILLNEED", "P_PIDFD", "O_ACCMODE"]:
    print(n, getattr(os, n))
print([n for n in ("SEEK_SET", "SEEK_CUR", "SEEK_END") if hasattr(posix, n)], os.SEEK_END)
print(posix.error is OSError, os.error is OSError, "HAVE_FSTATAT" in dir(posix))

os.close(fd)
import shutil
os.chdir("/")
shutil.rmtree(d)
