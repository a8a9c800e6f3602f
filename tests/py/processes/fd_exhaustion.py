# test: timeout=120, own-limits, skip-gc-stress
# Descriptors a program dropped come back when it runs short of them.  CPython
# closes a finished Process's pipes, a file or a socket when the last
# reference goes; gilpy when a collection finds them dead, so under a low
# RLIMIT_NOFILE a loop that starts many processes (or opens files and
# sockets without closing them) reaches EMFILE first.  Every call that makes
# a descriptor then collects (finalizers included) and tries once more
# (runtime/fdlimit.c).
import multiprocessing as mp
import resource
import socket

def child(i):
    pass

if __name__ == '__main__':
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))
    codes = set()
    for i in range(300):
        p = mp.Process(target=child, args=(i,))
        p.start()
        p.join()
        codes.add(p.exitcode)
    print('300 processes, exit codes', codes)
    sizes = 0
    for i in range(300):
        sizes += len(open(__file__, 'rb').read(10))       # never closed
    print('300 files opened, read', sizes, 'bytes')
    for i in range(300):
        a, b = socket.socketpair()                         # never closed
        a.send(b'x')
        assert b.recv(1) == b'x'
    print('300 socket pairs')
    try:
        keep = [open(__file__, 'rb') for i in range(100)]  # all live: the limit holds
    except OSError as e:
        print('live files past the limit:', type(e).__name__, e.errno == 24)
