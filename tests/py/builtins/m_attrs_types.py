class A:
    x = 1
    def __init__(self): self.y = 2
class B(A): pass
class C: pass
a = A()
print(getattr(a, 'x'), getattr(a, 'y'), getattr(a, 'z', 'dflt'), hasattr(a, 'y'), hasattr(a, 'nope'))
setattr(a, 'z', 3); print(a.z, vars(a)); delattr(a, 'z'); print(hasattr(a, 'z'))
try:
    getattr(a, 'nope')
except AttributeError as e:
    print(e)
try:
    delattr(a, 'nope')
except AttributeError as e:
    print(e)
try:
    getattr(a, 5)
except TypeError as e:
    print(e)
try:
    setattr(1, 'x', 2)
except AttributeError as e:
    print(e)
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1, (str, (int,))), isinstance(B(), A), isinstance(a, B))
print(issubclass(B, A), issubclass(bool, int), issubclass(A, (C, A)), issubclass(A, object), issubclass(int, (str,)))
for bad in ['isinstance(1, 1)', 'issubclass(1, int)', 'issubclass(int, 1)', 'isinstance(1, (int, 1))']:
    try:
        print(eval(bad))
    except TypeError as e:
        print(bad, e)
print(callable(len), callable(A), callable(a), callable(lambda: 0), callable(1))
print(type(1), type('a'), type(a), type(A), type(type), type(None), type(len))
print(type('X', (A,), {'q': 5})().q, type('Y', (), {}).__name__)
print(vars(A)['x'], 'x' in dir(A), 'y' in dir(a), dir(a) == sorted(dir(a)), [n for n in dir(a) if not n.startswith('_')])
try:
    vars(1)
except TypeError as e:
    print(e)
print(sorted(k for k in globals() if not k.startswith('__'))[:5], '__name__' in globals(), globals()['__name__'])
def f(p):
    q = 2
    print(sorted(locals().items()))
    return locals()
print(f(1))
print(id(a) == id(a), id(A()) is not None, type(id(a)).__name__, hash(1) == hash(1.0), hash('a') == hash('a'), hash(()) == hash(()))
print(hash(-1), hash(10**20), hash(1.5), hash(-2), hash(True), hash(None) == hash(None), hash(float('inf')), hash(2**61 - 1), hash((1, 2)) == hash((1, 2)))
for bad in ['hash([])', 'hash({})', 'hash({1})', 'hash((1, [2]))']:
    try:
        print(eval(bad))
    except TypeError as e:
        print(bad, e)
class H:
    def __hash__(self): return 7
print(hash(H()), repr(ascii('é☃')), ascii([1, 'ü']), repr('a\nb'), repr("'"), repr('"\''), str(b'x'))
print(len([1]), len('héllo'), len({1: 2}), len(range(0, 10, 3)), len(b'ab'))
class L:
    def __len__(self): return -1
try:
    len(L())
except ValueError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
print(any([]), all([]), any([0, '', 1]), all([1, 'a', []]), any(x > 2 for x in range(4)))
print(list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])), list(filter(None, [0, 1, 2])), list(filter(lambda x: x % 2, range(6))))
print(list(zip('ab', [1, 2, 3])), list(enumerate('xy', 5)), list(zip()), list(zip('a', strict=False)) if True else 0)
try:
    list(zip('ab', 'c', strict=True))
except ValueError as e:
    print(e)
print(list(range(10, 0, -3)), range(5)[2], range(0, 10, 2)[1:3], 3 in range(5), range(3) == range(0, 3), repr(range(1, 5, 2)))
print(int.__name__, str(type(int)), repr(object), object().__class__.__name__)
