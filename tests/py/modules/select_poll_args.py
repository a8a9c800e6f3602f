# poll and epoll arguments as CPython converts them: event masks are C
# unsigned shorts (negative: ValueError, too large: OverflowError), poll
# timeouts round away from zero (any negative value waits for ever, a
# positive fraction waits at least 1 ms), epoll accepts only EPOLL_CLOEXEC.
import os
import select
import threading
import time

r, w = os.pipe()
p = select.poll()

def err(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

err(p.register, r, -1)
err(p.register, r, 1 << 16)
err(p.register, r, 1.5)
err(p.register, r, 0xffff)
err(p.modify, r, -1)
err(p.poll, 1 << 40)
err(p.poll, "x")
err(select.epoll, flags=12356)
err(select.epoll, sizehint=-2)
err(select.epoll, sizehint=0)
with select.epoll(flags=select.EPOLL_CLOEXEC) as ep:
    print("cloexec ok", ep.closed)
p.modify(r, select.POLLIN)

# negative timeouts block until something is ready
for timeout in [None, -1000, -1, -1.0, -0.1, -1e-100]:
    out = []
    t = threading.Thread(target=lambda: out.append(p.poll(timeout)))
    t.start()
    time.sleep(0.05)
    alive = t.is_alive()
    os.write(w, b"x")
    t.join()
    os.read(r, 1)
    print(repr(timeout), "blocked", alive, out == [[(r, select.POLLIN)]])

t0 = time.monotonic()
print(p.poll(0.1), p.poll(0), p.poll(-0.0))
print(time.monotonic() - t0 < 1)
os.close(r)
os.close(w)
