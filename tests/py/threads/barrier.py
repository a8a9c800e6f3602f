# Barrier: indices, action, timeout, abort, reset, parties/n_waiting/broken.
import threading

b = threading.Barrier(3, action=lambda: actions.append('action'))
actions = []
indices = []
def party():
    indices.append(b.wait())
threads = [threading.Thread(target=party) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices), actions, b.parties, b.n_waiting, b.broken)

# Reusable: a second cycle.
indices.clear()
threads = [threading.Thread(target=party) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices), actions)

# Timeout breaks the barrier.
b2 = threading.Barrier(2)
try:
    b2.wait(0.01)
except threading.BrokenBarrierError as e:
    print('BrokenBarrierError', repr(e), b2.broken)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print('still broken')
b2.reset()
print(b2.broken, b2.n_waiting)

# abort wakes the waiters with BrokenBarrierError.
b3 = threading.Barrier(3)
errors = []
def w():
    try:
        b3.wait()
    except threading.BrokenBarrierError:
        errors.append('broken')
ts = [threading.Thread(target=w) for _ in range(2)]
for t in ts:
    t.start()
while b3.n_waiting < 2:
    threading.Event().wait(0.001)
print(b3.n_waiting)
b3.abort()
for t in ts:
    t.join()
print(errors, b3.broken)

# reset while threads wait.
b4 = threading.Barrier(2)
def w4():
    try:
        b4.wait()
    except threading.BrokenBarrierError:
        errors.append('reset')
t = threading.Thread(target=w4)
t.start()
while b4.n_waiting < 1:
    threading.Event().wait(0.001)
b4.reset()
t.join()
print(errors[-1], b4.broken)

# A failing action breaks the barrier.
b5 = threading.Barrier(1, action=lambda: 1 / 0)
try:
    b5.wait()
except ZeroDivisionError:
    print('action raised', b5.broken)
print(issubclass(threading.BrokenBarrierError, RuntimeError))
b6 = threading.Barrier(1, timeout=0.5)
print(b6.wait())
