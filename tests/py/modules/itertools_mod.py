# itertools
from itertools import (count, cycle, repeat, chain, islice, product, permutations, combinations,
                       accumulate, groupby, zip_longest, starmap)
print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(1.5, 0.5), 3)))
print(list(islice(cycle('ab'), 5)), list(repeat('x', 3)), list(islice(repeat(1), 2)))
print(list(chain('ab', [1, 2])), list(chain.from_iterable([[1], [2, 3]])), list(chain()))
print(list(islice(range(10), 2, 8, 3)), list(islice('abcdef', 3)), list(islice('abc', None)))
print(list(product('ab', repeat=2)), list(product([1, 2], 'xy')), list(product()))
print(list(permutations('abc')), list(permutations(range(3), 2)))
print(list(combinations('abcd', 2)), list(combinations(range(4), 3)), list(combinations('ab', 3)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([1, 2], initial=10)))
print([(k, list(g)) for k, g in groupby('aaabccdd')], [(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print(list(zip_longest('abc', [1])), list(zip_longest('ab', 'xyz', fillvalue='-')))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(starmap(lambda *a: sum(a), [(1, 2, 3)])))
