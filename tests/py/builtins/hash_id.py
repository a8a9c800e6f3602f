# hash and id
print(hash(1) == 1, hash(0), hash(-1) == -2, hash(2 ** 61 - 1), hash(1.5) == hash(1.5), hash(True))
print(hash('abc') == hash('abc'), hash((1, 2)) == hash((1, 2)), hash(frozenset([1])) == hash(frozenset([1])), hash(None) == hash(None))
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), type(id(a)).__name__, id(a) > 0 or id(a) <= 0)
x = object()
print(hash(x) == hash(x), id(x) == id(x))
try:
    hash([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash({1})
except TypeError as e:
    print(type(e).__name__, e)
