# test: skip-gc-stress
# Hashing nested tuples walks them without C recursion (CPython hashes a tuple
# nested 100 000 deep): the same values as CPython, at any depth, while the
# items' own __hash__ run Python code (and allocate) in the middle of the walk.


class H:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v * 7

    def __eq__(self, other):
        return isinstance(other, H) and self.v == other.v


def nested(depth, make):
    t = ()
    for i in range(depth):
        t = make(i, t)
    return t


for depth in (1, 31, 32, 33, 200):
    a = nested(depth, lambda i, t: (i, t, H(i), 2.5))
    b = nested(depth, lambda i, t: (i, t, H(i), 2.5))
    print(depth, hash(a), hash(a) == hash(b), len({a, b}), {a: 1}[b])
# Deeper than the recursion limit: hashing still works (comparing equal
# tuples this deep is a RecursionError in CPython too).
for depth in (1000, 3000, 100000):
    a = nested(depth, lambda i, t: (i, t, H(i), 2.5))
    b = nested(depth, lambda i, t: (i, t, H(i), 2.5))
    print(depth, hash(a), hash(a) == hash(b))
wide = tuple(nested(50, lambda i, t: (t, i)) for _ in range(40))
print(hash(wide), hash(wide) == hash(tuple(wide)))
print(hash(nested(2000, lambda i, t: ((t,), (i,)))))
try:
    hash(nested(100, lambda i, t: (i, t) if i != 50 else (i, t, [])))
except TypeError as e:
    print('unhashable', e)


class Boom:
    def __hash__(self):
        raise ValueError('boom')


try:
    hash(nested(500, lambda i, t: (t, Boom()) if i == 250 else (t,)))
except ValueError as e:
    print('raised', e)
