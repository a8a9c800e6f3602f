# f(**m) for any mapping: m.keys() then m[key] (CPython's dict_merge), and the
# TypeErrors of format_kwargs_error.
class M:
    def keys(self): return ['a', 'b']
    def __getitem__(self, k): return k * 2
def f(**kw): return kw
def g(a, b): return a, b
print(f(**M()))
print(g(**M()))
class N:
    def __getitem__(self, k): return 1
class K:
    def keys(self): raise AttributeError('x')
class KE:
    def keys(self): return ['q']
    def __getitem__(self, k): raise KeyError(k)
class D(dict):
    def keys(self): return ['zz']
class DI(dict):
    def __iter__(self): return iter(['zz'])
    def keys(self): return ['a']
    def __getitem__(self, k): return 'item-' + k
for t in [lambda: f(**N()), lambda: f(**K()), lambda: f(**KE()), lambda: f(**{'a': 1}, **M()), lambda: f(**M(), a=2), lambda: f(**{1: 2}),
          lambda: f(**D(x=1)), lambda: f(**DI(x=1)), lambda: f(**M(), **M()), lambda: dict(M()), lambda: {**M()}, lambda: {**N()}, lambda: g(1, **M())]:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
