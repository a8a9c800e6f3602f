# collections: deque, defaultdict, OrderedDict, Counter, namedtuple
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple
d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1])
d.extend([7, 8]); d.extendleft([-1, -2]); d.rotate(2); print(d); d.rotate(-3); print(d)
b = deque(range(10), maxlen=3); print(b, b.maxlen); b.append(99); print(b, list(b))
print(deque('abc') == deque('abc'), 'b' in deque('abc'), deque().__len__(), deque([1, 2, 1]).count(1), list(reversed(deque([1, 2]))))
try:
    deque().pop()
except IndexError as e:
    print(type(e).__name__, e)
dd = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd['new'], len(dd), defaultdict(int)['x'])
counter = defaultdict(int)
for ch in 'mississippi':
    counter[ch] += 1
print(sorted(counter.items()))
od = OrderedDict()
od['z'] = 1; od['a'] = 2; od['m'] = 3
od.move_to_end('z'); print(od, list(od)); od.move_to_end('m', last=False); print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od, OrderedDict(a=1) == OrderedDict(a=1))
c = Counter('abracadabra')
print(c, c['a'], c['zz'], c.most_common(2), sorted(c.elements())[:5])
c.update('aaz'); print(c.most_common(1), c['z'])
c2 = Counter(a=1, b=5)
print(c2 + Counter(a=2), c2 - Counter(b=1), Counter([1, 1, 2]), c2.total() if hasattr(c2, 'total') else 6)
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9), Point._fields, tuple(p), p == (1, 2), len(p))
x, y = p; print(x, y)
P3 = namedtuple('P3', 'a b c', defaults=[0])
print(P3(1, 2), P3._make([4, 5, 6]), isinstance(p, tuple), type(p).__name__)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
