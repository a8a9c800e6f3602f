# functools: partial details, lru_cache stats/typed/clear, cache, cmp_to_key, cached_property, singledispatch
import functools
from functools import partial, reduce, lru_cache, cache, cmp_to_key, cached_property, total_ordering, wraps, singledispatch, partialmethod
def f(a, b=2, *rest, **kw):
    return (a, b, rest, kw)
p = partial(f, 1, k=3)
print(p(), p(5, 6, k=4, z=0), p.func is f, p.args, p.keywords, repr(partial(len)).startswith('functools.partial(<built-in function len'))
pp = partial(p, 9); print(pp.func is f, pp.args, pp.keywords, pp())
for bad in [lambda: partial(), lambda: partial(3), lambda: reduce(lambda a, b: a, []), lambda: lru_cache(maxsize='x')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(reduce(lambda a, b: a + b, [1, 2, 3], 10), reduce(lambda a, b: a + b, [5]), reduce(lambda a, b: a + b, 'abc'))
@lru_cache(maxsize=3, typed=True)
def sq(x):
    return x * x
print(sq(2), sq(2.0), sq(2), sq.cache_info(), sq.cache_parameters())
sq.cache_clear(); print(sq.cache_info(), sq.__wrapped__(3), sq.__name__)
@lru_cache
def plain(x, y=1):
    return x + y
print(plain(1), plain(1, y=1), plain(1, 1), plain.cache_info())
@lru_cache(maxsize=0)
def nocache(x):
    return x
nocache(1); nocache(1); print(nocache.cache_info())
@cache
def fact(n):
    return n * fact(n - 1) if n else 1
print(fact(20), fact.cache_info())
print(sorted([5, 2, 9, 1], key=cmp_to_key(lambda a, b: b - a)), sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: len(a) - len(b))))
class C:
    calls = 0
    @cached_property
    def val(self):
        C.calls += 1
        return 42
c = C(); print(c.val, c.val, C.calls, 'val' in c.__dict__, type(C.__dict__['val']).__name__)
@total_ordering
class N:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __gt__(self, o): return self.n > o.n
print(N(1) < N(2), N(2) <= N(2), N(3) >= N(4), N(5) > N(1), sorted([N(3), N(1), N(2)], key=lambda x: x)[0].n)
try:
    @total_ordering
    class Bad:
        pass
except ValueError as e:
    print('ValueError', e)
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k)
    return inner
@deco
def g(x):
    "doc of g"
    return x
print(g.__name__, g.__doc__, g.__wrapped__ is not None, g.__qualname__, g(7))
@singledispatch
def show(x):
    return 'object'
@show.register(int)
def _(x):
    return 'int'
@show.register
def _(x: str):
    return 'str'
print(show(1), show('a'), show(1.5), show(True), show.dispatch(bool).__name__ if hasattr(show.dispatch(bool), '__name__') else '')
class Cell:
    def set(self, v, scale=1):
        self.v = v * scale
    set_double = partialmethod(set, scale=2)
cl = Cell(); cl.set_double(5); print(cl.v)
