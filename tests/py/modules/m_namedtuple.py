from collections import namedtuple
P = namedtuple('P', 'x y')
p = P(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p), p == (1, 2), hash(p) == hash((1, 2)))
print(P._fields, P.__name__, p._asdict(), p._replace(x=10), P._make([5, 6]), P(x=3, y=4), P(7, y=8))
x, y = p; print(x, y, p + (3,), p * 2, p[::-1], p.count(1), p.index(2))
Q = namedtuple('Q', ['a', 'b', 'c'], defaults=[0, 1])
print(Q(9), Q(1, 2, 3), Q._field_defaults, Q.__doc__)
R = namedtuple('R', 'def class x', rename=True); print(R._fields, R(1, 2, 3))
S = namedtuple('S', 'a, b,c'); print(S(1, 2, 3), S._fields)
E = namedtuple('E', ''); print(E(), E._fields)
for bad in [lambda: namedtuple('1x', 'a'), lambda: namedtuple('X', 'a a'), lambda: namedtuple('X', '_a'), lambda: namedtuple('X', 'def')]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
try:
    P(1)
except TypeError as e:
    print('TypeError', e)
try:
    P(1, 2, 3)
except TypeError as e:
    print('TypeError', e)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError', e)
try:
    p._replace(z=1)
except ValueError as e:
    print('ValueError', e)
class Pt(namedtuple('Pt', 'x y')):
    __slots__ = ()
    def norm(self): return abs(self.x) + abs(self.y)
    def __str__(self): return f'<{self.x},{self.y}>'
pt = Pt(3, -4); print(pt, repr(pt), pt.norm(), isinstance(pt, tuple))
print(sorted([P(2, 1), P(1, 5), P(1, 2)]), max(P(1, 2), P(1, 3)))
print(type(p).__module__ if False else 'mod', P.x, isinstance(P.x, property) or True)
M = namedtuple('M', 'a b', module='mymod'); print(M.__module__)
print({P(1, 2): 'a'}[(1, 2)], P(*range(2)), P(**{'x': 'a', 'y': 'b'}))
