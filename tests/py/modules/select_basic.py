# select: select(), poll and epoll over pipes; their errors.
import os, select, time
r, w = os.pipe()
print(select.select([r], [w], [], 0))
os.write(w, b'x')
print(select.select([r], [], [], 0))
class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd
fr = F(r)
print(select.select([fr], [], [])[0][0] is fr)
t = time.monotonic(); os.read(r, 1)
print(select.select([r], [], [], 0.05), time.monotonic() - t >= 0.04)
for bad in [([-1], [], []), ([1.5], [], []), (5, [], []), ([r], [], [], -1), ([r], [], [], 'x'), ([object()], [], [])]:
    try:
        select.select(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
p = select.poll()
p.register(r, select.POLLIN)
p.register(w)
print(sorted(p.poll(0)))
os.write(w, b'y')
print(sorted(p.poll(10)))
p.modify(w, 0)
print(p.poll())
p.unregister(w)
try:
    p.unregister(w)
except KeyError as e:
    print('KeyError', e)
try:
    p.modify(w, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e)
print(type(p).__name__, select.POLLIN, select.POLLOUT, select.POLLHUP, select.EPOLLET, select.PIPE_BUF, select.error is OSError)
with select.epoll() as ep:
    ep.register(r, select.EPOLLIN)
    print(ep.poll(0), ep.closed, ep.fileno() >= 0)
    ep.modify(r, select.EPOLLIN | select.EPOLLET)
    ep.unregister(r)
    print(ep.poll(0.01))
print(ep.closed)
try:
    ep.poll()
except ValueError as e:
    print('ValueError', e)
try:
    select.epoll(sizehint=0)
except ValueError as e:
    print('ValueError', e)
os.close(w)
print(select.select([r], [], [], 1)[0] == [r], os.read(r, 10))
import selectors
s = selectors.DefaultSelector()
print(type(s).__name__)
r2, w2 = os.pipe()
s.register(r2, selectors.EVENT_READ, 'data')
os.write(w2, b'z')
print([(k.fd == r2, k.data, ev) for k, ev in s.select(1)])
s.close()
