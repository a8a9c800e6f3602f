# How StopIteration's value travels: enumerate, map, zip and filter end when an
# inner iterator ends and leave its StopIteration(value) pending, so `yield
# from` and next() see the value; list iterators and zip(strict=True) do not.
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration(42)

def gen():
    yield 1
    return 42

def deleg(src):
    r = yield from src
    print('yield from got', r)
    return r

wrappers = [
    ('enumerate', lambda s: enumerate(s)),
    ('map', lambda s: map(lambda x: x, s)),
    ('map2', lambda s: map(lambda x, y: x, s, [1, 2, 3])),
    ('zip', lambda s: zip(s)),
    ('zip-strict', lambda s: zip(s, strict=True)),
    ('filter', lambda s: filter(None, s)),
    ('iter', iter),
    ('list-iter', lambda s: iter(list(s))),
]
for name, mk in wrappers:
    for src in (It(), gen()):
        g = deleg(mk(src))
        out = []
        try:
            while True:
                out.append(next(g))
        except StopIteration as e:
            print(name, type(src).__name__, out, e.value)

def direct(label, it):
    try:
        while True:
            next(it)
    except StopIteration as e:
        print(label, e.value, e.args)

direct('enumerate', enumerate(gen()))
direct('gen', gen())
direct('It', It())
direct('map', map(int, It()))
direct('zip', zip(It(), It()))
direct('filter', filter(None, gen()))

# Consumers that only look for the end are unaffected.
print(list(zip(It(), [1, 2])), list(enumerate(It())), next(map(int, It()), 'dflt'))
print(sorted(enumerate(It())), set(map(int, It())), dict(zip(It(), It())), tuple(filter(None, It())))
print(max(map(int, It()), default=0), sum(map(int, It())), any(map(int, It())), ' '.join(map(str, It())))
for x in enumerate(gen()):
    print('for', x)
try:
    list(zip([1], It(), strict=True))
except ValueError as e:
    print(e)
try:
    (x,) = map(int, It())
except ValueError as e:
    print(e)
