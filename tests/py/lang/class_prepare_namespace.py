# The namespace __prepare__ returns receives every name the class body binds,
# reads and deletes through its own __setitem__/__getitem__/__delitem__
# (CPython only bypasses an exact dict), in CPython's order: what enum needs.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
log = []
class NS(dict):
    def __setitem__(self, k, v):
        log.append(('set', k))
        super().__setitem__(k, v)
    def __getitem__(self, k):
        log.append(('get', k))
        return super().__getitem__(k)
    def __delitem__(self, k):
        log.append(('del', k))
        super().__delitem__(k)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(('prepare', name, kw))
        return NS()
    def __new__(mcls, name, bases, ns, **kw):
        log.append(('new', type(ns).__name__, kw))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class C(metaclass=Meta, flag=1):
    """doc"""
    x: int = 1
    y = x + 1
    def f(self): return __class__
    del y
    z = [x for _ in range(1)] if False else 3
    try:
        undefined_name
    except NameError as e:
        log.append(('nameerror', str(e)))
    len
for l in log: print(l)
print(C.__doc__, C.__annotations__, C().f() is C)

# The same for exec() with a mapping as locals.
class Mapping:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        print('Mapping get', k)
        return self.d[k]
    def __setitem__(self, k, v):
        print('Mapping set', k)
        self.d[k] = v
    def __delitem__(self, k):
        print('Mapping del', k)
        del self.d[k]
m = Mapping()
exec("a = 1\nb = a + 1\nx: int = 3\ndel a\nfrom math import pi\ntry:\n    del a\nexcept NameError as e:\n    print(e)", {}, m)
print(sorted(m.d))
log.clear()
ns = NS()
exec("q = 1\nq\ndel q", {}, ns)
print(log)

# A namespace that fails: its errors reach the class statement (and del is a NameError).
class Picky(dict):
    def __setitem__(self, k, v):
        if k == 'forbidden':
            raise ValueError('no ' + k)
        super().__setitem__(k, v)
    def __delitem__(self, k):
        raise RuntimeError('never')
class PMeta(type):
    @classmethod
    def __prepare__(m, n, b): return Picky()
try:
    class Z(metaclass=PMeta):
        ok = 1
        forbidden = 2
except ValueError as e:
    print('ValueError', e)
try:
    class Z2(metaclass=PMeta):
        ok = 1
        del ok
except NameError as e:
    print('NameError', e)

# A class body reads a free variable through the namespace first (LOAD_CLASSDEREF).
class PreMeta(type):
    @classmethod
    def __prepare__(m, n, b, **kw):
        ns = NS()
        dict.update(ns, kw)
        return ns
    def __new__(m, n, b, ns, **kw):
        return super().__new__(m, n, b, ns)
    def __init__(cls, n, b, ns, **kw):
        pass
def outer(**kw):
    v = 'cell'
    class K(metaclass=PreMeta, **kw):
        print('K sees', v)
    return K
log.clear()
outer()
outer(v='from-ns')
print([e for e in log if e[1] == 'v'])

# Keywords nobody takes: object.__init_subclass__ names the class by __qualname__.
def nested():
    class K(**{'v': 1}):
        pass
try:
    nested()
except TypeError as e:
    print(e)
