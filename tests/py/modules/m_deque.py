from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2]); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d); d.rotate(0); print(d)
print(d.count(7), d.index(7), 7 in d, 99 in d, list(reversed(d)))
d.remove(7); print(d)
d[0] = 'x'; del d[1]; print(d)
d.insert(1, 'ins'); print(d, d.copy(), d.copy() is d)
d.reverse(); print(d)
d.clear(); print(d, bool(d))
b = deque(range(10), maxlen=3); print(b, b.maxlen)
b.append(10); print(b); b.appendleft(-1); print(b); b.extend([20, 21]); print(b)
print(deque(maxlen=0), deque('abc', 2), repr(deque()))
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == [1, 2], deque([1]) < deque([2]), deque([1, 2]) + deque([3]))
print(deque([1, 2]) * 2, 2 * deque('ab'))
x = deque([1]); x += [2, 3]; print(x); x *= 2; print(x)
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1]).remove(2), lambda: deque([1]).index(3)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
try:
    hash(deque())
except TypeError as e:
    print(e)
try:
    deque([1], maxlen=-1)
except ValueError as e:
    print(e)
f = deque(maxlen=2)
try:
    f.insert(0, 1); f.insert(0, 2); f.insert(0, 3)
except IndexError as e:
    print(e, f)
d = deque(range(5))
it = iter(d)
print(next(it))
d.append(9)
try:
    next(it)
except RuntimeError as e:
    print(e)
class D(deque):
    pass
print(D([1, 2]), repr(D()))
r = deque(); r.append(r); print(r)
print(deque(range(100))[50], sum(deque(range(1000))), deque(range(5)).index(3, 1, 4))
print(deque([3, 1, 2]) != deque([3, 1, 2]), deque([1, 2, 3]) >= deque([1, 2]))
