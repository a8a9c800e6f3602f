# __iter__ / __next__ and __call__
class Fib:
    def __init__(self, n): self.n = n
    def __iter__(self):
        a, b = 0, 1
        for _ in range(self.n):
            yield a
            a, b = b, a + b
print(list(Fib(10)), 8 in Fib(10), max(Fib(7)))
a, b, c = Fib(3)
print(a, b, c)
class Adder:
    def __init__(self, base): self.base = base
    def __call__(self, x, *, scale=1): return (self.base + x) * scale
add = Adder(10)
print(add(5), add(1, scale=3), callable(add), callable(Adder), callable(5), list(map(add, [1, 2])))
class NotIter:
    def __iter__(self): return 5
try:
    iter(NotIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    five = 5; five()
except TypeError as e:
    print(type(e).__name__, e)
try:
    s = 'str'; s()
except TypeError as e:
    print(type(e).__name__, e)
