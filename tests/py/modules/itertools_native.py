# itertools as CPython 3.11's C module: normal use, edge cases, messages,
# subclassing, pickling and copying part-way, tee and groupby sharing.
import copy
import operator
import pickle
from itertools import *


def show(label, f):
    try:
        r = f()
        if hasattr(r, '__next__'):
            r = list(islice(r, 12))
        print(label, '->', r)
    except Exception as e:
        print(label, '!', type(e).__name__, e)


# ---- normal use ----
show('count', lambda: islice(count(), 5))
show('count start step', lambda: islice(count(10, -2.5), 4))
show('count kw', lambda: islice(count(step=3, start=1), 3))
show('count big', lambda: islice(count(2**63 - 2), 4))
show('count frac', lambda: islice(count(1.5, 0.5), 3))
show('cycle', lambda: islice(cycle('abc'), 8))
show('cycle empty', lambda: cycle(''))
show('repeat', lambda: repeat('x', 3))
show('repeat 0', lambda: repeat('x', 0))
show('repeat -1', lambda: repeat('x', -1))
show('repeat times=-1', lambda: repeat('x', times=-1))
show('repeat forever', lambda: islice(repeat(7), 3))
show('accumulate', lambda: accumulate([1, 2, 3, 4]))
show('accumulate func', lambda: accumulate([3, 1, 4, 1, 5], max))
show('accumulate initial', lambda: accumulate([1, 2], initial=100))
show('accumulate empty initial', lambda: accumulate([], initial=5))
show('accumulate empty', lambda: accumulate([]))
show('accumulate mul', lambda: accumulate(range(1, 6), operator.mul))
show('chain', lambda: chain('ab', [], (1, 2), range(2)))
show('chain empty', lambda: chain())
show('chain.from_iterable', lambda: chain.from_iterable(['ab', 'cd', '']))
show('chain lazy', lambda: islice(chain.from_iterable(repeat('xy')), 5))
show('compress', lambda: compress('ABCDEF', [1, 0, 1, 0, 1, 1]))
show('compress short sel', lambda: compress('ABCDEF', [1, 1]))
show('compress kw', lambda: compress(data='abc', selectors=[0, 1, 1]))
show('dropwhile', lambda: dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1]))
show('takewhile', lambda: takewhile(lambda x: x < 5, [1, 4, 6, 4, 1]))
show('filterfalse', lambda: filterfalse(lambda x: x % 2, range(10)))
show('filterfalse None', lambda: filterfalse(None, [0, 1, '', 'a', None, []]))
show('groupby', lambda: [(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
show('groupby key', lambda: [(k, list(g)) for k, g in groupby(range(10), key=lambda x: x // 3)])
show('groupby empty', lambda: list(groupby([])))
show('islice stop', lambda: islice('ABCDEFG', 2))
show('islice start stop', lambda: islice('ABCDEFG', 2, 4))
show('islice None', lambda: islice('ABCDEFG', 2, None))
show('islice step', lambda: islice('ABCDEFG', 0, None, 2))
show('islice all None', lambda: islice('ABC', None, None, None))
show('islice past end', lambda: islice('ABC', 10, 20))
show('islice stop 0', lambda: islice('ABC', 0))
show('pairwise', lambda: pairwise('ABCDE'))
show('pairwise short', lambda: pairwise('A'))
show('starmap', lambda: starmap(pow, [(2, 5), (3, 2), (10, 3)]))
show('starmap lists', lambda: starmap(operator.add, [[1, 2], 'ab']))
show('zip_longest', lambda: zip_longest('ABCD', 'xy', fillvalue='-'))
show('zip_longest none', lambda: zip_longest())
show('zip_longest one', lambda: zip_longest('ab'))
show('product', lambda: product('AB', 'xy'))
show('product repeat', lambda: product(range(2), repeat=3))
show('product none', lambda: product())
show('product empty pool', lambda: product('ab', ''))
show('product repeat 0', lambda: product('ab', repeat=0))
show('permutations', lambda: permutations('ABC'))
show('permutations r', lambda: permutations(range(4), 2))
show('permutations r>n', lambda: permutations('AB', 3))
show('permutations r=0', lambda: permutations('AB', 0))
show('permutations None', lambda: permutations('AB', None))
show('combinations', lambda: combinations('ABCD', 2))
show('combinations r>n', lambda: combinations('AB', 3))
show('combinations r=0', lambda: combinations('AB', 0))
show('combinations empty', lambda: combinations('', 0))
show('cwr', lambda: combinations_with_replacement('ABC', 2))
show('cwr empty', lambda: combinations_with_replacement('', 2))
show('cwr r>n', lambda: combinations_with_replacement('AB', 3))
show('tee', lambda: [list(t) for t in tee('abc', 3)])
show('tee 0', lambda: tee('abc', 0))
show('tee 1', lambda: [list(t) for t in tee('abc', 1)])

# ---- reprs, names, length hints ----
print(repr(count()), repr(count(5)), repr(count(1, 2)), repr(count(1.0)), repr(count(1, 1.0)), repr(count(True)))
print(repr(repeat('a')), repr(repeat('a', 3)), repr(repeat(None, 0)))
print(operator.length_hint(repeat(1, 5)), operator.length_hint(repeat(1, -3)), operator.length_hint(repeat(1), 42))
r = repeat(1, 2); next(r); print(r.__length_hint__(), repr(r))
for t in (count, cycle, repeat, accumulate, chain, compress, dropwhile, filterfalse, groupby, islice,
          pairwise, starmap, takewhile, zip_longest, product, permutations, combinations,
          combinations_with_replacement):
    print(t.__name__, t.__module__, t.__qualname__, type(t).__name__)
a, b = tee([1])
print(type(a).__name__, type(a).__module__, type(next(groupby('a'))[1]).__name__)
print(chain[int], type(chain[int]).__name__)

# ---- errors ----
errs = [
    "count('a')", "count(1, 'a')", "count(1, 2, 3)", "count(x=1)",
    "cycle()", "cycle(1)", "cycle('a', 'b')", "cycle(iterable='a')",
    "repeat()", "repeat(1, 'a')", "repeat(1, 2, 3)", "repeat(1, 2**70)",
    "accumulate()", "accumulate(1)", "accumulate([1], 2, 3)", "accumulate([1], 2, 3, 4, 5)",
    "list(accumulate([1, 'a']))", "accumulate([1], bad=1)",
    "chain(x=1)", "list(chain(1))", "list(chain([1], 2))", "chain.from_iterable(1)", "chain.from_iterable()",
    "compress()", "compress('a')", "compress(1, [1])", "compress('a', 1)",
    "dropwhile()", "dropwhile(None)", "dropwhile(None, 1)", "list(dropwhile(None, [1]))",
    "takewhile(len)", "filterfalse(None)", "filterfalse(None, 1)", "starmap(pow)",
    "list(starmap(pow, [1]))", "list(starmap(pow, [(1,)]))",
    "groupby()", "groupby(1)", "groupby([], key=None, x=1)",
    "islice()", "islice('a')", "islice('a', -1)", "islice('a', -2)", "islice('a', 1.5)",
    "islice('a', 'x')", "islice('a', 2**70)", "islice('a', -1, 2)", "islice('a', 1, -1)",
    "islice('a', 1, -5)", "islice('a', 0, 1, 0)", "islice('a', 0, 1, -1)", "islice('a', 0, 1, 'x')",
    "islice('a', 1, 2, 3, 4)", "islice(1, 2)", "islice('a', stop=1)", "islice('a', None, 1.0)",
    "pairwise()", "pairwise(1)", "pairwise('a', 'b')",
    "zip_longest(1)", "zip_longest('a', x=1)", "zip_longest('a', fillvalue=1, x=2)",
    "product(1)", "product(repeat=-1)", "product(repeat='a')", "product(x=1)", "product(repeat=1, x=2)",
    "permutations()", "permutations(1)", "permutations('a', -1)", "permutations('a', 'x')",
    "permutations('a', 1.0)", "permutations('a', 1, 2)",
    "combinations('a')", "combinations('a', -1)", "combinations('a', 'x')", "combinations(1, 1)",
    "combinations('a', r=1, x=2)",
    "combinations_with_replacement('a')", "combinations_with_replacement('a', -1)",
    "tee()", "tee(1)", "tee('a', -1)", "tee('a', 'x')", "tee('a', n=2)", "tee('a', 2, 3)",
    "type(tee('a')[0])()", "next(groupby('a'))[1].__class__()",
]
for e in errs:
    show(e, lambda: eval(e))

# ---- a generator that raises inside chain / zip_longest / others ----
def boom(n):
    yield from range(n)
    raise ZeroDivisionError('boom')

for name, f in [('chain', lambda: chain('ab', boom(2), 'cd')),
                ('zip_longest', lambda: zip_longest('abcde', boom(2))),
                ('islice', lambda: islice(boom(3), 5)),
                ('cycle', lambda: cycle(boom(1))),
                ('tee', lambda: tee(boom(2))[0]),
                ('groupby', lambda: (k for k, g in groupby(boom(2)))),
                ('product', lambda: product(boom(2))),
                ('pairwise', lambda: pairwise(boom(3)))]:
    it = None
    got = []
    try:
        it = f()
        for x in it:
            got.append(x)
    except ZeroDivisionError as e:
        print(name, 'raised', e, got)
    if it is not None:
        show(name + ' after', lambda: list(islice(it, 5)))

# ---- tee independence ----
src = iter(range(200))
a, b, c = tee(src, 3)
print(next(a), next(a), next(b), list(islice(c, 3)))
print(list(islice(a, 100))[-1], next(b), list(b)[-1], next(c))
a, b = tee(range(5))
c, d = tee(a)           # tee of a tee copies
print(type(c).__name__, list(c), list(d), list(a), list(b))
a, = tee('xyz', 1)
print(list(copy.copy(a)), list(a))
a, b = tee('abc')
next(a)
a2 = a.__copy__()
print(list(a), list(a2), list(b))
t = tee([1, 2])[0]
print(iter(t) is t)

# ---- groupby after the outer iterator advances ----
g = groupby('AABBBCC')
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2))
g = groupby('AABBBCC')
k1, g1 = next(g)
print(next(g1))
k2, g2 = next(g)
print(list(g1), list(g2), [(k, list(v)) for k, v in g])
g = groupby([1, 1, 2])
_, grp = next(g)
list(g)
print(list(grp))

# ---- subclassing ----
class MyChain(chain):
    def extra(self):
        return 'extra'

mc = MyChain('ab', 'c')
print(type(mc).__name__, list(mc), mc.extra(), type(MyChain.from_iterable(['xy'])).__name__)

class Count2(count):
    pass
print(repr(Count2(3)), repr(Count2(1, 2)))

class Rep(repeat):
    def __init__(self, obj, times=None, extra=None):
        self.extra = extra
r = Rep(1, 2)
print(repr(r), list(r))

class Prod(product):
    pass
print(type(Prod('ab')).__name__, list(Prod('ab', repeat=2))[:3])

class ISl(islice):
    def __init__(self, *args, **kw):
        self.kw = kw
print(list(ISl('abcdef', 1, 4, kw=1)))
for cls, args in [(cycle, ('ab',)), (dropwhile, (bool, [0, 1])), (chain, ('a',)), (islice, ('abc', 2)),
                  (pairwise, ('abc',)), (starmap, (pow, [])), (filterfalse, (None, [])),
                  (takewhile, (bool, [1])), (zip_longest, ('a',))]:
    sub = type('Sub', (cls,), {})
    print(cls.__name__, list(islice(sub(*args), 3)), end=' ')
    show('kw', lambda: sub(*args, newarg=3))

for cls in (tee('a')[0].__class__, next(groupby('a'))[1].__class__):
    try:
        type('X', (cls,), {})
    except TypeError as e:
        print('no subclass', e)

# ---- pickling and copying part-way ----
def second(a, b):
    return b


def roundtrip(name, make, take=1):
    it = make()
    for _ in range(take):
        next(it)
    outs = []
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        outs.append(list(islice(pickle.loads(pickle.dumps(it, proto)), 10)))
    outs.append(list(islice(copy.copy(make()), 10)))
    outs.append(list(islice(copy.deepcopy(it), 10)))
    if name == 'groupby':
        outs = [[k for k, g in o] for o in outs]
        it = (k for k, g in it)
    print(name, outs[0], all(o == outs[0] for o in outs[:-2]), outs[-1] == outs[0], list(islice(it, 10)) == outs[0])

roundtrip('count', lambda: count(5))
roundtrip('count float', lambda: count(1.5, 0.25))
roundtrip('count big', lambda: count(2**70, 3))
roundtrip('cycle', lambda: cycle('abc'))
roundtrip('cycle 2nd pass', lambda: cycle('abc'), take=4)
roundtrip('repeat', lambda: repeat('r', 5))
roundtrip('repeat forever', lambda: repeat('r'))
roundtrip('accumulate', lambda: accumulate(range(6)))
roundtrip('accumulate initial', lambda: accumulate(range(3), initial=10), take=0)
roundtrip('accumulate func', lambda: accumulate([2, 1, 3], max))
roundtrip('accumulate None', lambda: accumulate([None, 1, 2], second))
roundtrip('chain', lambda: chain('ab', 'cd'))
roundtrip('chain fresh', lambda: chain('ab', 'cd'), take=0)
roundtrip('compress', lambda: compress('abcdef', [1, 0, 1, 1, 0, 1]))
roundtrip('dropwhile', lambda: dropwhile(bool, [1, 0, 1, 2]), take=1)
roundtrip('takewhile', lambda: takewhile(bool, [1, 1, 0, 1]))
roundtrip('filterfalse', lambda: filterfalse(None, [0, 1, 0, 2, '']))
roundtrip('groupby', lambda: groupby('aabbc'))
roundtrip('islice', lambda: islice(range(20), 2, 15, 3))
roundtrip('islice open', lambda: islice(range(20), 2, None))
roundtrip('starmap', lambda: starmap(pow, [(2, 1), (2, 2), (2, 3)]))
roundtrip('zip_longest', lambda: zip_longest('abc', 'd', fillvalue='?'))
roundtrip('zip_longest done side', lambda: zip_longest('abc', 'd', fillvalue='?'), take=2)
roundtrip('product', lambda: product('ab', range(3)))
roundtrip('product fresh', lambda: product('ab', range(3)), take=0)
roundtrip('permutations', lambda: permutations('abcd', 2))
roundtrip('combinations', lambda: combinations('abcde', 3))
roundtrip('cwr', lambda: combinations_with_replacement('abc', 2))
roundtrip('tee', lambda: tee(range(100))[0], take=60)
print(count(3).__reduce__(), repeat('a', 2).__reduce__(), repeat('a').__reduce__())
print(islice('ab', 1).__reduce__()[0].__name__, chain().__reduce__()[:2], chain('a').__reduce__()[2][0].__class__.__name__)
print([(k, list(g)) for k, g in pickle.loads(pickle.dumps(groupby('aabbc')))])
g = groupby('aabbc'); next(g); print([(k, list(g)) for k, g in copy.deepcopy(g)])
p = product('ab'); list(p); print(p.__reduce__())
c = combinations('ab', 3); print(c.__reduce__()[1][1])
z = zip_longest('a', 'bc'); next(z); next(z); print(z.__reduce__()[1][0], z.__reduce__()[2])
for make in (lambda: pairwise('abc'),):
    try:
        pickle.dumps(make())
    except TypeError as e:
        print('pairwise pickle', e)
g = groupby('aab'); k, grp = next(g)
print(list(pickle.loads(pickle.dumps(grp))), list(grp))
next(g)
print(list(pickle.loads(pickle.dumps(grp))))

# ---- setstate errors ----
show('cycle setstate', lambda: cycle('a').__setstate__(1))
show('chain setstate', lambda: chain().__setstate__(1))
show('chain setstate noniter', lambda: chain().__setstate__(([1],)))
show('product setstate', lambda: product('ab').__setstate__((1, 2)))
show('permutations setstate', lambda: permutations('ab').__setstate__(1))
show('combinations setstate', lambda: combinations('ab', 1).__setstate__((1, 2)))
show('tee setstate', lambda: tee('a')[0].__setstate__((1, 2)))
show('islice setstate', lambda: islice('a', 1).__setstate__('x'))
p = product('abc', 'de'); p.__setstate__((5, -3)); print(list(p))
c = combinations('abcd', 2); c.__setstate__((1, 9)); print(list(c))
