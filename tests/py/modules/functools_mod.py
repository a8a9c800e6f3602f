# functools: partial, reduce, wraps, lru_cache, total_ordering
from functools import partial, reduce, wraps, lru_cache, total_ordering
def power(base, exp): return base ** exp
sq = partial(power, exp=2); cube = partial(power, exp=3); two = partial(power, 2)
print(sq(5), cube(2), two(10), sq.func is power, sq.args, sq.keywords)
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 'init'), reduce(max, [3, 9, 2]))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(type(e).__name__, e)
def deco(f):
    @wraps(f)
    def wrapper(*a):
        return f(*a)
    return wrapper
@deco
def documented(x):
    """I have docs"""
    return x
print(documented.__name__, documented.__doc__, documented(3), documented.__wrapped__.__name__)
calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(calls), fib.cache_info().hits >= 1)
@lru_cache(maxsize=2)
def ident(x):
    calls.append(('i', x))
    return x
calls.clear(); ident(1); ident(2); ident(1); ident(3); ident(2)
print(calls, ident.cache_info())
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) <= V(1), V(3) > V(2), V(2) >= V(3))
