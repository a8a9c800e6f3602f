import pickle
class P:
    def __init__(self, x): self.x = x
    def __repr__(self): return 'P(%r)' % (self.x,)
class E(Exception): pass
def f(): pass
l = [1, 2]; l.append(l)
d = {'a': l, 'b': (l, 2**100, -2**70, 3.5, b'xy', 'é', None, True, frozenset({1}), {2, 3})}
r = pickle.loads(pickle.dumps(d))
print(r['a'] is r['b'][0], r['a'][2] is r['a'], r['b'][1:])
r = pickle.loads(pickle.dumps([P(3), E("boom", 2), ValueError("v"), f, P, len, int, KeyError])); print(r[:3], r[3] is f, r[4:])
e = pickle.loads(pickle.dumps(OSError(2, 'nope')))
print(type(e).__name__, e.errno, e)
from collections import namedtuple
Pt = namedtuple('Pt', 'x y')
print(pickle.loads(pickle.dumps(Pt(1, 2))))
for bad in [lambda: 1]:
    try: pickle.dumps(bad)
    except pickle.PicklingError as ex: print(str(ex).split(" at ")[0], str(ex).split(">", 2)[2])
def outer():
    def inner(): pass
    return inner
try: pickle.dumps(outer())
except AttributeError as ex: print(ex)
for b in [b"", b"garbage", pickle.dumps([1,2])[:-1]]:
    try: pickle.loads(b)
    except (pickle.UnpicklingError, EOFError) as ex: print(type(ex).__name__)
print(pickle.HIGHEST_PROTOCOL)
