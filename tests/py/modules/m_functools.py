import functools
from functools import partial, reduce, wraps, lru_cache, total_ordering, cmp_to_key, cached_property
def f(a, b, c=3, *, d=4): return (a, b, c, d)
p = partial(f, 1, d=9); print(p(2), p(2, 5), p.func is f, p.args, p.keywords)
print(repr(partial(f, 1, x=2)).replace(hex(id(f)), 'ID').split(' at ')[0])
pp = partial(p, 7); print(pp(), pp.args, pp.func is f)
print(partial(int, base=2)('1010'), partial(max, key=len)(['a', 'bbb', 'cc']))
try:
    partial()
except TypeError as e:
    print(e)
try:
    partial(5)
except TypeError as e:
    print(e)
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1), reduce(max, [3, 9, 2]), reduce(lambda a, b: a + b, ['x'], 'y'))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k) * 2
    return inner
@deco
def doubled(x):
    """Doc here."""
    return x
print(doubled(4), doubled.__name__, doubled.__doc__, doubled.__wrapped__(4), doubled.__qualname__)
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())
@lru_cache(maxsize=2)
def sq(x):
    print('compute', x); return x * x
sq(1); sq(2); sq(1); sq(3); sq(2); print(sq.cache_info())
@lru_cache
def g(x, y=1): return x + y
print(g(1), g(1, y=1), g(1, 1), g.cache_info(), g.__name__)
@functools.cache
def h(x): return [x]
print(h(1) is h(1), h.cache_info())
@lru_cache(typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t.cache_info().currsize)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) <= V(2), V(3) > V(2), V(2) >= V(2), V(1) >= V(2))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
class C:
    @cached_property
    def val(self):
        print('computing'); return 42
c = C(); print(c.val, c.val)
print(functools.reduce.__name__, sq.__wrapped__(5))
@functools.singledispatch
def sd(x): return 'obj'
@sd.register(int)
def _(x): return 'int'
@sd.register
def _(x: str): return 'str'
print(sd(1), sd('a'), sd(1.5), sd(True))
class W:
    def m(self, a, b): return a - b
    pm = functools.partialmethod(m, 10)
print(W().pm(3))
print(functools.update_wrapper(lambda: 0, doubled).__name__)
