# _abc (C) under CPython's abc.py: abstract classes refused by object.__new__,
# registries held weakly, caches invalidated by register(), CPython's errors.
import abc, _abc, gc, inspect, collections.abc as cabc
import os, subprocess, sys, tempfile

print(abc.ABCMeta.__module__, abc.ABCMeta.__instancecheck__.__module__)
print(sorted(n for n in dir(_abc) if not n.startswith('__')))

class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    @abc.abstractmethod
    def g(self): pass
    def h(self): pass

class B(A):
    def f(self): pass

class C(B):
    def g(self): pass

for cls in (A, B, C):
    try:
        print(cls.__name__, sorted(cls.__abstractmethods__), inspect.isabstract(cls),
              bool(cls.__flags__ & (1 << 20)), type(cls()).__name__)
    except TypeError as e:
        print(cls.__name__, 'TypeError:', e)

# update_abstractmethods and assigning __abstractmethods__ by hand
C.g = abc.abstractmethod(lambda self: None)
abc.update_abstractmethods(C)
try:
    C()
except TypeError as e:
    print('TypeError:', e)
C.__abstractmethods__ = frozenset()
print(type(C()).__name__, inspect.isabstract(C))
class P:
    pass
P.__abstractmethods__ = {'x'}
try:
    P()
except TypeError as e:
    print('TypeError:', e)
del P.__abstractmethods__
print(type(P()).__name__)

# register, caches and the cache token
class Base(abc.ABC):
    pass
class Virtual:
    pass
tok = abc.get_cache_token()
print(issubclass(Virtual, Base), isinstance(Virtual(), Base))
print(Base.register(Virtual) is Virtual, abc.get_cache_token() == tok + 1)
print(issubclass(Virtual, Base), isinstance(Virtual(), Base))
class SubVirtual(Virtual):
    pass
print(issubclass(SubVirtual, Base), Base.register(Base) is Base)
try:
    Virtual2 = type('Virtual2', (Base,), {})
    Base.register(object) if False else Virtual2.register(Base)
except RuntimeError as e:
    print('RuntimeError:', e)
for bad in (1, 'x', Virtual()):
    try:
        Base.register(bad)
    except TypeError as e:
        print('TypeError:', e)
try:
    issubclass(1, Base)
except TypeError as e:
    print('TypeError:', e)
reg, cache, neg, version = _abc._get_dump(Base)
print(sorted(r().__name__ for r in reg), sorted(r().__name__ for r in cache),
      version == abc.get_cache_token(), type(next(iter(reg))).__name__)
Base._abc_registry_clear()
Base._abc_caches_clear()
print([len(s) for s in _abc._get_dump(Base)[:3]], issubclass(Virtual, Base))

# __subclasshook__ and its checks
class Hooked(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hooked:
            return True if hasattr(C, 'quack') else NotImplemented
        return NotImplemented
class Duck:
    def quack(self): pass
print(issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(int, Hooked))
class BadHook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1
try:
    issubclass(int, BadHook)
except AssertionError as e:
    print('AssertionError:', e)
class WrongImpl(abc.ABC):
    pass
WrongImpl._abc_impl = 5
try:
    isinstance(1, WrongImpl)
except TypeError as e:
    print('TypeError:', e)

# register() passes the mapping/sequence nature to match statements
class MyMap:
    def __getitem__(self, k): return 1
    def __iter__(self): return iter(['a'])
    def __len__(self): return 1
    def get(self, k, d=None): return 1
    def keys(self): return ['a']
cabc.Mapping.register(MyMap)
match MyMap():
    case {'a': v}:
        print('mapping pattern', v)
    case _:
        print('no match')
print(isinstance(MyMap(), cabc.Mapping), isinstance({}, cabc.Mapping), isinstance([], cabc.Mapping))

# abc.py in the script's directory does not shadow the library's (a frozen name)
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, 'abc.py'), 'w') as f:
        f.write('raise SystemExit("shadowed")\n')
    with open(os.path.join(d, 'main.py'), 'w') as f:
        f.write('import abc\nprint(abc.ABCMeta.__name__)\n')
    r = subprocess.run([sys.executable, os.path.join(d, 'main.py')], capture_output=True, text=True)
    print(r.returncode, r.stdout.strip(), r.stderr.strip())
