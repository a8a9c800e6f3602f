# A buffered write into a full pipe that a signal interrupts after some bytes
# went through: the write returns a partial count (no EINTR), and the
# buffered layer must run the handler before blocking again. The handler
# raises, so the write ends with its exception instead of hanging.
import io
import os
import signal
import threading


def handler(signum, frame):
    1 / 0


def interrupted_write(make, item):
    got = []
    r, w = os.pipe()
    reader = threading.Thread(target=lambda: got.append(os.read(r, 1)))
    reader.daemon = True
    f = make(w)
    signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
    reader.start()
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGALRM])
    data = item * (4 * 1024 * 1024 // len(item) + 1)
    signal.alarm(1)
    try:
        f.write(data)
        print("write finished")
    except ZeroDivisionError as e:
        print("handler raised:", type(e).__name__, e)
    finally:
        signal.alarm(0)
        reader.join()
    print("reader got", got)
    os.close(w)
    os.close(r)
    try:
        f.close()
    except OSError as e:
        print("close:", type(e).__name__)


signal.signal(signal.SIGALRM, handler)
interrupted_write(lambda fd: open(fd, "wb", closefd=False), b"xy")
interrupted_write(lambda fd: open(fd, "w", closefd=False, encoding="ascii"), "xy")
interrupted_write(lambda fd: open(fd, "wb", buffering=0, closefd=False), b"xy")
