# The posix module's path calls under CPython's os.py: results and errors.
import os, stat, tempfile, errno

d = tempfile.mkdtemp()
os.chdir(d)

def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

print(os.__name__, os.path.__name__, os.name, os.sep, os.linesep == "\n")
print(sorted(f.__name__ for f in os.supports_fd))
print(sorted(f.__name__ for f in os.supports_dir_fd))
print(sorted(f.__name__ for f in os.supports_follow_symlinks))
print(sorted(f.__name__ for f in os.supports_effective_ids))

with open("f.txt", "w") as f:
    f.write("hello")
os.mkdir("sub")
os.symlink("f.txt", "ln")

# stat family
st = os.stat("f.txt")
print(stat.S_ISREG(st.st_mode), st.st_size, len(st), type(st).__name__, st.n_fields)
print(stat.S_ISLNK(os.lstat("ln").st_mode), stat.S_ISREG(os.stat("ln").st_mode))
print(stat.S_ISLNK(os.stat("ln", follow_symlinks=False).st_mode))
fd = os.open(".", os.O_RDONLY)
print(os.stat("f.txt", dir_fd=fd).st_size, os.stat(fd).st_mode == os.stat(".").st_mode)
err(os.stat, "missing")
err(os.stat, b"missing")
err(os.stat, ["x"])
err(os.stat, "a\0b")
err(os.lstat, 3.5)
err(os.stat, fd, dir_fd=fd)
err(os.stat, fd, follow_symlinks=False)

# utime
os.utime("f.txt", (1000000000, 1000000001))
st = os.stat("f.txt")
print(st.st_atime, st.st_mtime, st.st_mtime_ns)
os.utime("f.txt", ns=(5_000_000_001, 6_000_000_002))
st = os.stat("f.txt")
print(st.st_atime_ns, st.st_mtime_ns)
os.utime("f.txt", (1.5, 2.25))
print(os.stat("f.txt").st_mtime)
err(os.utime, "f.txt", (1, 2), ns=(1, 2))
err(os.utime, "f.txt", (1,))
err(os.utime, "f.txt", ns=5)
err(os.utime, "f.txt", ("a", 1))
err(os.utime, "nope", None)
os.utime("f.txt")

# truncate
os.truncate("f.txt", 2)
print(os.stat("f.txt").st_size)
fd2 = os.open("f.txt", os.O_RDWR)
os.truncate(fd2, 1)
os.ftruncate(fd2, 3)
print(os.stat("f.txt").st_size)
os.close(fd2)
err(os.truncate, "nope", 1)

# links and renames
os.link("f.txt", "hard")
print(os.stat("hard").st_nlink, os.path.samefile("f.txt", "hard"))
err(os.link, "nope", "x")
err(os.rename, "nope", "x")
err(os.replace, b"nope", "x")
err(os.symlink, "f.txt", "hard")
print(os.readlink("ln"), os.readlink(b"ln"))
err(os.readlink, "f.txt")
os.rename("hard", "hard2", src_dir_fd=fd, dst_dir_fd=fd)
print(sorted(os.listdir(".")), sorted(os.listdir(b".")))
print(sorted(os.listdir(fd)))
err(os.listdir, "nope")
err(os.listdir, 3.5)

# modes and owners
os.chmod("f.txt", 0o600)
print(oct(stat.S_IMODE(os.stat("f.txt").st_mode)))
fd3 = os.open("f.txt", os.O_RDONLY)
os.fchmod(fd3, 0o640)
print(oct(stat.S_IMODE(os.stat("f.txt").st_mode)))
err(os.chmod, fd3, 0o600, follow_symlinks=False)
os.chown("f.txt", -1, -1)
os.lchown("ln", -1, -1)
os.fchown(fd3, -1, -1)
err(os.chown, "f.txt", "a", -1)
err(os.chown, "nope", -1, -1)
os.close(fd3)

# mkfifo, mknod, device numbers
os.mkfifo("fifo")
print(stat.S_ISFIFO(os.stat("fifo").st_mode))
err(os.mkfifo, "fifo")
os.mknod("node", 0o600 | stat.S_IFREG)
print(stat.S_ISREG(os.stat("node").st_mode))
dev = os.makedev(8, 1)
print(dev, os.major(dev), os.minor(dev))
err(os.major, -1)

# statvfs
sv = os.statvfs(".")
print(type(sv).__name__, len(sv), sv.f_bsize > 0, sv.f_namemax, os.fstatvfs(fd).f_bsize == sv.f_bsize)
print(os.statvfs_result.n_fields, os.statvfs_result.n_sequence_fields)

# access, chdir, fchdir, getcwd
print(os.access("f.txt", os.R_OK), os.access("nope", os.F_OK), os.access("f.txt", os.W_OK, effective_ids=True))
os.chdir("sub")
print(os.path.basename(os.getcwd()), os.path.basename(os.getcwdb()))
os.fchdir(fd)
print(os.path.basename(os.getcwd()) == os.path.basename(d))
err(os.chdir, "nope")
err(os.fchdir, "x")

# unlink/rmdir with dir_fd
os.unlink("node", dir_fd=fd)
os.rmdir("sub", dir_fd=fd)
err(os.rmdir, "nope")
err(os.remove, "nope")
err(os.unlink, "nope", dir_fd="x")

# path-likes and normpath
class P:
    def __init__(self, p): self.p = p
    def __fspath__(self): return self.p
print(os.stat(P("f.txt")).st_size, os.fspath(P(b"x")))
err(os.stat, P(3))
print(os.path.normpath("a//b/../c/./d"), os.path.normpath("///x/.."), os.path.normpath(""), os.path.normpath(b"a/../b"))
import posix
for p in ["", ".", "a/..", "//", "///a//b/./c/../", "../../a", "/../a", "./..", "x/./.."]:
    print(repr(p), repr(posix._path_normpath(p)))
err(posix._path_normpath, b"a")

# xattrs (the file system may not support them)
try:
    os.setxattr("f.txt", "user.k", b"v")
    print(os.getxattr("f.txt", "user.k"), "user.k" in os.listxattr("f.txt"))
    os.removexattr("f.txt", "user.k")
    print("user.k" in os.listxattr("f.txt"))
except OSError as e:
    print(b"v", True)
    print(False)
err(os.getxattr, "nope", "user.k")

for v in (1 << 70, -(1 << 70), 1 << 32, -2, 2.5):
    err(os.chown, "nope", v, -1)
err(os.lchown, "nope", 0, 1 << 33)

os.close(fd)
import shutil
os.chdir("/")
shutil.rmtree(d)
print(os.path.exists(d))
