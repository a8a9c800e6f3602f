# frozenset
f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 2 in f, type(f).__name__, frozenset(), frozenset({1}))
g = frozenset({2, 3, 4})
print(sorted(f | g), sorted(f & g), sorted(f - g), sorted(f ^ g), type(f | g).__name__, type({1} | f).__name__)
print(f.issubset({1, 2, 3, 4}), f.isdisjoint(g), hash(f) == hash(frozenset([1, 2, 3])), f == {1, 2, 3})
d = {f: 'frozen key'}
print(d[frozenset({1, 2, 3})], {frozenset([1]), frozenset([1])} == {frozenset([1])})
print(sorted(f.union([9])), sorted(f.intersection([1, 9])), f.copy() == f)
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
