# The layered streams of _io: what open() stacks, reprs, attributes, modes.
import io, os, sys, _io

print(io.open is open, _io.open is open, io.DEFAULT_BUFFER_SIZE)
print(io.UnsupportedOperation.__mro__)
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.BufferedReader, io.BufferedIOBase),
      issubclass(io.TextIOWrapper, io.TextIOBase), issubclass(io.StringIO, io.TextIOBase),
      issubclass(io.BytesIO, io.BufferedIOBase), isinstance(sys.stdout, io.TextIOBase))
print(io.FileIO.__mro__)
print(io.TextIOWrapper.__mro__)
print(io.BufferedRandom.__mro__)

P = '/tmp/gilpy_iomod_%d' % os.getpid()
with open(P, 'w') as f:
    print(type(f).__name__, type(f.buffer).__name__, type(f.buffer.raw).__name__)
    print(repr(f).replace(P, 'P'), repr(f.buffer).replace(P, 'P'), repr(f.buffer.raw).replace(P, 'P'))
    print(f.mode, f.buffer.mode, f.buffer.raw.mode, f.name == P, f.buffer.name == P, f.encoding, f.errors)
    print(f.line_buffering, f.write_through, f.newlines, f.readable(), f.writable(), f.seekable())
    print(f.write('héllo\nwörld\n'), f.tell())
for mode in ['r', 'rb', 'r+', 'r+b', 'a', 'ab', 'a+', 'w+b', 'rb+']:
    with open(P, mode) as f:
        b = getattr(f, 'buffer', f)
        raw = getattr(b, 'raw', b)
        print(mode, type(f).__name__, type(b).__name__, raw.mode, getattr(f, 'mode', None), f.readable(), f.writable())
with open(P, 'rb', buffering=0) as f:
    print(type(f).__name__, f.read(3), f.readall(), repr(f).replace(P, 'P'), f.closefd)
print(repr(f), f.closed)
with open(P, 'x' if not os.path.exists(P) else 'r') as f:
    pass
os.remove(P)
with open(P, 'x') as f:
    print('x mode', f.mode, f.buffer.raw.mode)
try:
    open(P, 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno)
fd = os.open(P, os.O_RDONLY)
f = open(fd, closefd=False)
print(repr(f).replace(P, 'P'), f.buffer.raw.closefd, f.name)
f.close()
os.fstat(fd)
os.close(fd)
f = io.FileIO(P, 'w')
print(f.name == P, f.mode, f.writable(), f.readable(), f.write(b'abc'), f.tell(), f.seek(0), f.seekable())
f.close()
f = io.FileIO(P)
print(f.read(), f.read(), f.isatty(), f.fileno() > 2)
f.close()
print(io.FileIO(P, 'rb').mode, io.FileIO(P, 'r+').mode, io.FileIO(P, 'a').mode, io.FileIO(P, 'ab+').mode)
# opener
def opener(path, flags):
    print('opener', path == P, flags & (os.O_WRONLY | os.O_RDWR))
    return os.open(path, flags)
with open(P, 'w', opener=opener) as f:
    f.write('from opener')
print(open(P).read())
os.remove(P)
for std in (sys.stdin, sys.stdout, sys.stderr):
    print(std.name, std.mode, std.encoding, std.newlines, std.buffer.name, std.fileno())
print(sys.stdout.buffer.write(b'bytes through stdout.buffer\n'))
sys.stdout.flush()
print(sys.__stdout__ is sys.stdout, sys.stderr.errors)
