# functools.partial and reduce from _functools: calls, flattening, repr, pickling, state, errors.
import functools, pickle, copy, weakref
def f(a, b=2, *c, **k): return (a, b, c, k)
p = functools.partial(f, 1, x=3)
print(repr(p).split(' at ')[0], p(), p(2, 3, y=4), p(x=9))
print(p.func is f, p.args, p.keywords, type(p).__name__, functools.partial.__module__)
p2 = functools.partial(p, 5, y=1); print(p2.args, p2.keywords, p2.func is f, p2())
p.attr = 1; p3 = functools.partial(p, 7); print(p3.func is p, p3.args, p.__dict__)
class P(functools.partial):
    pass
print(repr(P(f, 1)).split(' at ')[0], repr(P(f, 1)).endswith(', 1)'), P(f, 1)(2))
for bad in [(), (1,)]:
    try: functools.partial(*bad)
    except TypeError as e: print(e)
r = pickle.loads(pickle.dumps(functools.partial(max, 3, key=abs)))
print(r(-5, 2), r.args, r.keywords)
print(copy.copy(p).__dict__, copy.deepcopy(p2).args)
print(weakref.ref(p)() is p)
print(functools.partial(sorted, key=len)(["aaa", "b", "cc"]))
pr = functools.partial(print, sep="-"); pr(1, 2, 3)
rec = functools.partial(f); rec.__setstate__((f, (rec,), {}, None)); print(repr(rec).count('...'))
try: rec.__setstate__((1, (), {}, None))
except TypeError as e: print(e)
try: rec.__setstate__((f, ()))
except TypeError as e: print(e)
print(functools.partial[int])
print(functools.reduce(lambda a, b: a * b, range(1, 10)), functools.reduce(lambda a, b: a + b, [], 7))
for args in [(lambda a, b: a, []), (lambda a, b: a, 3)]:
    try: functools.reduce(*args)
    except TypeError as e: print(e)
try: functools.reduce()
except TypeError as e: print(e)
pm = functools.partialmethod(f, 10)
class C:
    m = pm
print(C().m(1)[0] is not None, functools.partial(f, b=1)(0, b=5))
K = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
k = K(3)
print(type(K).__name__, type(k), k.obj, k < K(4), k == K(3), k >= K(5), k != K(3), k <= K(3), k > K(1))
for call in (lambda: hash(k), lambda: K(), lambda: K(1, 2), lambda: k < 3, lambda: functools.cmp_to_key()):
    try: call()
    except TypeError as e: print(e)
k.obj = 5
print(k.obj, sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)), K(obj=9).obj)
