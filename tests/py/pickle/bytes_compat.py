# pickle.dumps(x, p) is byte for byte python3's, for every protocol
import pickle, collections, datetime, hashlib, enum, fractions, decimal, os

class C:
    def __init__(self): self.a = 1; self.b = [1, 2]
class S:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1; self.y = 2
    def __getstate__(self): return (None, {'x': self.x, 'y': self.y})
class L(list): pass
class D(dict): pass
class R:
    def __reduce__(self): return (R, (), {'x': 1}, iter([1, 2]), iter([(1, 2)]))
class NE:
    def __init__(self, *a, **k): self.a = a; self.k = k
    def __getnewargs_ex__(self): return ((1, 2), {'z': 3})
class Setter:
    def __reduce__(self): return (Setter, (), {'s': 1}, None, None, setattr_state)
def setattr_state(obj, state): obj.__dict__.update(state)
class Color(enum.Enum):
    RED = 1
class Outer:
    class Inner: pass
def f(): pass

rec = []; rec.append(rec)
d = {}; d['self'] = d
t = ([],); t[0].append(t)
shared = [1, 2]

vals = [None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31 - 1, 2**31, -2**31 - 1,
        2**32, 2**63, -2**63, 2**64, -2**64, 127, 128, -128, -129, 2**1000, -2**1000, 2**2047, -2**2047,
        0.0, -0.0, 1.5, -1e300, 1e-300, float('inf'), float('-inf'), float('nan'),
        '', 'a', 'héllo', 'x' * 255, 'x' * 256, 'x' * 70000, 'ascii\n\\\x00\r\x1a\u20ac\U0001f600', '\udc80',
        b'', b'a', b'\x00\xff', b'x' * 255, b'x' * 256, b'x' * 70000, bytearray(), bytearray(b'ab'),
        (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2], list(range(999)), list(range(1000)),
        list(range(1001)), list(range(2500)), {}, {1: 2}, {1: 2, 3: 4}, {i: i for i in range(1000)},
        {i: i for i in range(1001)}, {i: i for i in range(2000)}, set(), {1, 2}, set(range(1000)),
        set(range(1500)), frozenset(), frozenset({1}), frozenset(range(1001)), 1j, Ellipsis, NotImplemented,
        type(None), type(...), type(NotImplemented), int, len, f, C, C(), S(), rec, d, t, [rec, rec],
        [shared, shared, (shared,)], ('a', 'a'), collections.OrderedDict(a=1), collections.deque([1, 2]),
        datetime.date(2020, 1, 2), datetime.datetime(2020, 1, 2, 3, 4, 5), ValueError('x'), range(5),
        slice(1, 2), print, [].append, dict.fromkeys, str.upper, (1, [2]), complex, L([1, 2]), D(a=1),
        R(), NE(), Setter(), Color.RED, fractions.Fraction(1, 3), decimal.Decimal('1.5'), Outer.Inner,
        Outer.Inner(), os.path.join, getattr, [b'a' * 70000, 'b' * 70000], [str(i) * 100 for i in range(3000)],
        {'a': [1, 2], 'b': ({'c'},)}, [None] * 3]

for p in range(6):
    for i, v in enumerate(vals):
        try:
            s = pickle.dumps(v, p)
            print(p, i, len(s), hashlib.md5(s).hexdigest(), s[:60])
        except Exception as e:
            print(p, i, 'ERR', type(e).__name__, e)
print(pickle.dumps(1) == pickle.dumps(1, 4), pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL)
print(pickle.dumps([1, 2], -1) == pickle.dumps([1, 2], 5))
# the Python pickler agrees except where CPython's C pickler batches differently
print(pickle._dumps({'a': (1, 2.5, 'x')}, 3) == pickle.dumps({'a': (1, 2.5, 'x')}, 3))
