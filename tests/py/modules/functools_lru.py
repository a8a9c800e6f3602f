# functools.lru_cache and functools.cache on _functools._lru_cache_wrapper.
import copy
import functools
import pickle

calls = []


@functools.lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x


print([sq(i) for i in (1, 2, 1, 3, 2, 1)], calls)
print(sq.cache_info(), sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info())


@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(200), fib.cache_info())


@functools.lru_cache(maxsize=None, typed=True)
def ident(x, **kw):
    calls.append((x, sorted(kw.items())))
    return x


calls.clear()
ident(1); ident(1.0); ident(1); ident(x=1); ident(1, a=2); ident(1, a=2); ident(True)
print(calls, ident.cache_info())


@functools.lru_cache
def untyped(x):
    calls.append(x)
    return x


calls.clear()
untyped(1); untyped(1.0); untyped(1); untyped('a'); untyped('a')
print(calls, untyped.cache_info())

for size in (0, -5):
    f = functools.lru_cache(maxsize=size)(lambda x: x + 1)
    print(size, f(1), f(1), f.cache_info())

for bad in ('3', 2.5):
    try:
        functools.lru_cache(maxsize=bad)
    except TypeError as e:
        print('TypeError:', e)

try:
    functools._lru_cache_wrapper(1, 2, False, functools._CacheInfo)
except TypeError as e:
    print('TypeError:', e)

try:
    sq([1])
except TypeError as e:
    print('TypeError:', e)


@functools.lru_cache(maxsize=4)
def failing(x):
    calls.append(x)
    raise ValueError(x)


calls.clear()
for i in range(2):
    try:
        failing(7)
    except ValueError as e:
        print('ValueError', e)
print(calls, failing.cache_info())


class C:
    def __init__(self, k):
        self.k = k

    @functools.lru_cache(maxsize=8)
    def m(self, x):
        return self.k * x

    @functools.cached_property
    def prop(self):
        return self.k + 100

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        return isinstance(other, C) and other.k == self.k


a, b = C(2), C(3)
print(a.m(5), b.m(5), a.m(5), C.m.cache_info(), a.prop)
print(C.m.__name__, C.m.__qualname__, C.m.__wrapped__.__name__, sq.__doc__, sq.__module__)
print(type(sq).__name__, type(sq).__module__, isinstance(sq, functools._lru_cache_wrapper))
print(copy.copy(sq) is sq, copy.deepcopy(sq) is sq, pickle.loads(pickle.dumps(sq)) is sq)


# The function may use the cache while it runs (recursion with eviction).
@functools.lru_cache(maxsize=3)
def walk(n):
    return 0 if n == 0 else walk(n - 1) + n


print(walk(50), walk.cache_info())


@functools.lru_cache(maxsize=2)
def clears(n):
    clears.cache_clear()
    return n


print(clears(1), clears(2), clears(1), clears.cache_info())
