# test: timeout=30
# fcntl's blocking calls release the GIL (another thread runs meanwhile) and are
# retried after a signal handler runs (PEP 475), for flock, lockf and F_SETLKW
import fcntl
import os
import signal
import struct
import tempfile
import threading
import time

d = tempfile.TemporaryDirectory()
path = os.path.join(d.name, 'lock')
f = open(path, 'wb+')


def hold_lock_in_child(seconds, kind):
    """A child takes an exclusive lock on f and keeps it for `seconds`."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        if kind == 'flock':     # its own open file description: the lock goes with it
            fcntl.flock(os.open(path, os.O_RDWR), fcntl.LOCK_EX)
        else:
            fcntl.lockf(f.fileno(), fcntl.LOCK_EX)
        os.write(w, b'x')
        time.sleep(seconds)
        os._exit(0)
    os.close(w)
    os.read(r, 1)      # the child holds it now
    os.close(r)
    return pid


# 1. a thread blocked in flock() lets the main thread run
pid = hold_lock_in_child(0.5, 'flock')
g = open(path, 'rb')
done = []


def blocker():
    fcntl.flock(g, fcntl.LOCK_EX)
    done.append(time.monotonic())
    fcntl.flock(g, fcntl.LOCK_UN)


t = threading.Thread(target=blocker)
start = time.monotonic()
t.start()
ticks = 0
while t.is_alive():
    ticks += 1
    time.sleep(0.01)
t.join()
os.waitpid(pid, 0)
print('flock waited', done[0] - start > 0.3, 'main thread ran', ticks > 10)

# 2. signals during a blocking lockf(): the handler runs, the call resumes
calls = []
signal.signal(signal.SIGALRM, lambda s, fr: calls.append(s))
pid = hold_lock_in_child(1.5, 'lockf')
signal.alarm(1)
start = time.monotonic()
print('lockf', fcntl.lockf(f, fcntl.LOCK_EX))
print('waited', time.monotonic() - start > 1.2, 'handler ran', calls)
fcntl.lockf(f, fcntl.LOCK_UN)
os.waitpid(pid, 0)

# 3. the same for F_SETLKW with a struct flock, and a handler that raises
pid = hold_lock_in_child(10, 'lockf')


def raiser(s, fr):
    raise InterruptedError('from the handler')


signal.signal(signal.SIGALRM, raiser)
signal.alarm(1)
lk = struct.pack('hhqqi4x', fcntl.F_WRLCK, 0, 0, 0, 0)
try:
    fcntl.fcntl(f, fcntl.F_SETLKW, lk)
except InterruptedError as e:
    print('interrupted', e)
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
print('after', fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB))
g.close()
f.close()
d.cleanup()
