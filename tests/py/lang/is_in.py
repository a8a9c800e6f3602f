# is, is not, in, not in
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, True is not False)
print(1 in [1, 2], 3 not in (1, 2), 'ell' in 'hello', '' in 'x', 'k' in {'k': 1}, 1 in {1: 'v'})
print(2 in range(0, 10, 2), 3 in range(0, 10, 2), 10 in range(10))
print(1 in {1, 2}, [] in [[]], (1,) in [(1,)], b'b' in b'abc', 98 in b'abc')
class Box:
    def __init__(self, items): self.items = items
    def __contains__(self, x): return x in self.items
print(1 in Box([1]), 2 not in Box([1]))
class It:
    def __iter__(self): return iter([5, 6])
print(6 in It(), 7 in It())
class Get:
    def __getitem__(self, i):
        if i > 3: raise IndexError
        return i * 2
print(4 in Get(), 5 in Get())
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 in 'abc'
except TypeError as e:
    print(type(e).__name__, e)
nan = float('nan')
print(nan in [nan], nan == nan)
