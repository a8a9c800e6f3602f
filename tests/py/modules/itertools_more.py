# itertools: reprs, errors at call time, every function's edge cases
import itertools as it
print(repr(it.count()), repr(it.count(1.5, 0.5)), repr(it.count(0, 1.0)), repr(it.repeat(1, 3)), repr(it.repeat('x')), repr(it.repeat(1, -2)))
r = it.repeat(1, 3); next(r); print(repr(r), list(r), repr(r)); c = it.count(5); next(c); print(repr(c), next(it.count(2, -1)))
for bad in [lambda: it.islice('abc', -1), lambda: it.islice('abc', 1, -1), lambda: it.islice('abc', 0, 2, 0),
            lambda: it.islice('abc', 'x'), lambda: it.count('a'), lambda: it.product(1), lambda: it.product('a', repeat=-1),
            lambda: it.combinations('abc', -1), lambda: it.permutations('abc', -1), lambda: next(it.chain(1)),
            lambda: it.accumulate(1), lambda: it.tee('a', -1), lambda: it.zip_longest(1), lambda: it.starmap(len, 2),
            lambda: it.groupby(1), lambda: it.cycle(1), lambda: it.pairwise(1), lambda: it.compress(1, 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(list(it.islice(range(20), 2, None, 5)), list(it.islice('abcdefg', 1, 4)), list(it.islice([], 3)))
src = iter(range(10)); list(it.islice(src, 2, 5)); print(next(src))
print(list(it.chain.from_iterable(['ab', 'cd'])), list(it.chain([], (), 'x')))
print(list(it.compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.filterfalse(None, [0, 1, '', 'a'])))
print(list(it.pairwise('abcd')), list(it.pairwise('a')), list(it.zip_longest()), list(it.zip_longest('ab', [], fillvalue=0)))
print(list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([], initial=7)), list(it.accumulate('abc')))
print(list(it.combinations_with_replacement('ABC', 2)), list(it.combinations_with_replacement('', 0)), list(it.combinations_with_replacement('', 1)))
print(list(it.permutations([1, 2, 3], 4)), list(it.permutations([], 0)), list(it.combinations(range(3), 0)), len(list(it.permutations(range(5)))))
print(list(it.product('ab', 'cd', repeat=2))[:5], list(it.product('ab', [])), list(it.product(repeat=0)))
a, b = it.tee(iter([1, 2, 3]))
print(next(a), list(b), list(a), [list(x) for x in it.tee('xy', 3)], it.tee([], 0))
g = it.groupby(sorted('abracadabra'))
print([(k, ''.join(v)) for k, v in g])
groups = []
for k, v in it.groupby('aabbbc'):
    groups.append((k, v))
print([(k, list(v)) for k, v in groups])
print([(k, list(v)) for k, v in it.groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
cy = it.cycle([1, 2]); print([next(cy) for _ in range(5)], list(it.cycle([])))
print(list(it.starmap(lambda a, b: a * b, zip([1, 2], [3, 4]))), list(zip(it.count(), 'ab')))
print(isinstance(it.chain(), it.chain), type(it.count()).__name__, type(it.repeat(1)).__name__)
