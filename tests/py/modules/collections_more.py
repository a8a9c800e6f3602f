# collections: deque/defaultdict/OrderedDict/Counter/namedtuple details, ChainMap, abc
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple, ChainMap, UserDict, UserList
import collections
import collections.abc
d = deque([1, 2, 3], maxlen=5)
print(d, repr(deque()), deque('ab', 2), d.maxlen, deque().maxlen)
d.extend([4, 5, 6]); print(d); d.extendleft('xy'); print(d)
d.rotate(7); print(d); d.rotate(-2); print(d); d.reverse(); print(d)
print(d.index('x'), d.count(3), 3 in d, d[1], d[-2])
d[0] = 'first'; del d[1]; print(d, len(d))
d.remove('first'); print(d); d.insert(1, 'ins'); print(d)
d.clear(); print(d, bool(d))
e = deque(range(5)); print(e + deque([9]), e * 2, list(reversed(e)), e == deque(range(5)), e < deque([0, 2]), e.copy())
e2 = deque([1]); e2.append(e2); print(e2)
for bad in [lambda: deque()[0], lambda: deque([1]).remove(2), lambda: deque([1]).index(5), lambda: deque(maxlen=-1),
            lambda: deque([1])[1:2], lambda: deque().popleft(), lambda: hash(deque()), lambda: deque([1]) + [1]]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
q = deque([1, 2, 3])
try:
    for x in q:
        q.append(x)
except RuntimeError as ex:
    print('RuntimeError', ex)
dd = defaultdict(list, a=[1]); dd['b'].append(2); print(dd, dd.default_factory, dd.copy(), isinstance(dd, dict))
print(defaultdict(None), repr(defaultdict(int, {1: 2})))
try:
    defaultdict(None)['x']
except KeyError as ex:
    print('KeyError', ex)
try:
    defaultdict(5)
except TypeError as ex:
    print('TypeError', ex)
nested = defaultdict(lambda: defaultdict(int)); nested['a']['b'] += 1; print(dict(nested['a']))
od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
od.move_to_end('a'); print(od); od.move_to_end('c', last=False); print(od, list(reversed(od)))
print(od == OrderedDict([('c', 3), ('b', 2), ('a', 1)]), od == OrderedDict([('b', 2), ('c', 3), ('a', 1)]), od == dict(a=1, b=2, c=3))
print(od.pop('b'), od.setdefault('z', 26), od, OrderedDict.fromkeys('xy', 0), OrderedDict())
try:
    OrderedDict().popitem()
except KeyError as ex:
    print('KeyError', ex)
c = Counter('mississippi')
print(c, c.most_common(), c.most_common(2), c.total(), sorted(c.elements()))
c.subtract('sss'); print(c, +c, -Counter(a=-2, b=3))
c2 = Counter(a=3, b=1); c3 = Counter(a=1, b=2)
print(c2 + c3, c2 - c3, c2 | c3, c2 & c3, c2 == Counter(b=1, a=3), Counter(a=1) <= Counter(a=2), Counter(a=0) == Counter())
c2 += Counter(z=2); print(c2); c2 -= Counter(a=5); print(c2)
del c2['nothere']; print(Counter({'x': 2, 'y': 5}), Counter(), Counter(a=1, b=1, c=2).most_common(2))
try:
    Counter.fromkeys('ab')
except NotImplementedError as ex:
    print('NotImplementedError', ex)
P = namedtuple('P', 'x y z', defaults=[0])
p = P(1, 2)
print(p, P._fields, P._field_defaults, p._asdict(), p._replace(z=5), P._make([7, 8, 9]), P.__doc__, P.x.__doc__)
print(hash(p) == hash((1, 2, 0)), p + (4,), p[1:], p.count(2), p.index(2), repr(P), type(p).__mro__[1].__name__)
for bad in [lambda: P(1), lambda: P(), lambda: P(1, 2, 3, 4), lambda: P(1, x=2), lambda: P(1, 2, w=3),
            lambda: P._make([1]), lambda: p._replace(q=1), lambda: namedtuple('1a', 'x'), lambda: namedtuple('A', 'class'),
            lambda: namedtuple('A', '_x'), lambda: namedtuple('A', 'x x'), lambda: namedtuple('A', 'x y', defaults=[1, 2, 3])]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
print(namedtuple('R', 'a def _b a', rename=True)._fields, namedtuple('S', ['one'])(1), namedtuple('E', '')())
class Sub(namedtuple('Base', 'a b')):
    def total(self):
        return self.a + self.b
print(Sub(1, 2).total(), Sub(1, 2))
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.new_child({'c': 4})['c'], cm.parents, 'b' in cm)
ud = UserDict(a=1); ud['b'] = 2; print(ud, len(ud), ud.get('z', 0))
ul = UserList([3, 1, 2]); ul.sort(); print(ul, ul[0], ul + [4])
print(isinstance([], collections.abc.Sequence), isinstance({}, collections.abc.Mapping), isinstance({}, collections.abc.MutableMapping),
      isinstance(set(), collections.abc.Set), isinstance(iter([]), collections.abc.Iterator), isinstance(3, collections.abc.Hashable),
      isinstance([], collections.abc.Hashable), isinstance(len, collections.abc.Callable), isinstance('x', collections.abc.Iterable),
      isinstance(5, collections.abc.Iterable), isinstance(deque(), collections.abc.MutableSequence), issubclass(dict, collections.abc.Sized))
class MyMap(collections.abc.Mapping):
    def __init__(self): self._d = {'k': 1, 'j': 2}
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
m = MyMap()
print(dict(m), m.get('k'), m.get('q', 9), 'j' in m, list(m.keys()), list(m.items()), list(m.values()), m == {'k': 1, 'j': 2})
try:
    collections.abc.Sequence()
except TypeError as ex:
    print('TypeError', ex)
