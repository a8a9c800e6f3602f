# The standard streams and the life of files: sys.stdout layers and
# reconfigure(), a TextIOWrapper over sys.stdout.buffer, files never closed
# (flushed at exit, on collection, before fork), pipes read in threads
# while the GIL is free, input() from a pipe.
import gc, io, os, shlex, sys, threading

print(type(sys.stdout).__name__, sys.stdout.name, sys.stdin.name, sys.stderr.name, sys.stdout.mode)
print(sys.stdout.encoding, sys.stdout.errors in ('strict', 'surrogateescape'), sys.stderr.errors)
raw = lambda s: getattr(s.buffer, 'raw', s.buffer)
print(raw(sys.stdin).closefd, raw(sys.stdout).name, raw(sys.stdin).mode)
sys.stdout.flush()
sys.stdout.buffer.write(b'raw bytes\n')
sys.stdout.buffer.flush()
w = io.TextIOWrapper(sys.stdout.buffer, encoding='latin-1', write_through=True)
w.write('latin-1 wrapper: ' + w.encoding + '\n')
w.flush()
w.detach()
sys.stdout.reconfigure(errors='replace')
print(sys.stdout.errors, sys.stdout.encoding)
sys.stdout.reconfigure(errors='strict', line_buffering=False)

EXE = sys.executable
P = '/tmp/gilpy_iomod_streams_%d' % os.getpid()

def run(code, stdin=b''):
    """EXE -c code with stdin given: (exit status, stdout, last line of stderr)."""
    with open(P + '.in', 'wb') as f:
        f.write(stdin)
    sys.stdout.flush()
    status = os.system('%s -c %s <%s.in >%s.out 2>%s.err' % (EXE, shlex.quote(code), P, P, P))
    status = os.waitstatus_to_exitcode(status)
    with open(P + '.out', 'rb') as f, open(P + '.err') as g:
        return status, f.read(), g.read().strip().splitlines()[-1:]

# never closed: written out at exit
print(run('f = open(%r, "w"); f.write("kept at exit")' % P), open(P).read())
print(run('f = open(%r, "wb"); f.write(b"binary kept")' % P), open(P, 'rb').read())
print(run('import sys; sys.stdout.write("no newline"); sys.stderr.write("err")'))
print(run('import sys; sys.stdout.buffer.write(b"buf\\n"); print("text")'))
print(run('print(input(), input("prompt> "))', b'line one\nline two\n'))
print(run('import sys; print(sys.stdin.read().upper())', b'piped\nin'))
print(run('import sys; print([l for l in sys.stdin])', b'a\nb\r\nc'))
print(run('import sys; print(sys.stdin.buffer.read())', b'a\r\nb'))
print(run('print(input())', b''))

# collected while open: closed and flushed
def scribble():
    f = open(P, 'w')
    f.write('written by a file nobody closed')
scribble()
gc.collect()
print(open(P).read())

# a child after fork writes its own buffer
with open(P, 'w') as f:
    f.write('before fork\n')
    f.flush()
    pid = os.fork()
    if pid == 0:
        f.write('child\n')
        f.close()
        os._exit(0)
    os.waitpid(pid, 0)
    f.write('parent\n')
print(open(P).read().splitlines())

# a pipe read in a thread: the GIL is released while read() blocks
r, w = os.pipe()
got = []
def reader():
    with open(r, 'rb') as f:
        got.append(f.read())
t = threading.Thread(target=reader)
t.start()
with open(w, 'wb') as f:
    for i in range(3):
        f.write(b'chunk%d ' % i)
        f.flush()
t.join()
print(got)
r, w = os.pipe()
with open(r, closefd=True) as fr, open(w, 'w') as fw:
    fw.write('line 1\nline 2\n')
    fw.close()
    print(fr.readline(), fr.readlines(), fr.read())
for suffix in ('', '.in', '.out', '.err'):
    os.remove(P + suffix)
