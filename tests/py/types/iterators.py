# iterator protocol
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, 'done'))
try:
    next(it)
except StopIteration:
    print('StopIteration')
class CountDown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(CountDown(3)), sum(CountDown(4)), [x for x in CountDown(2)])
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10
print(list(Seq()), list(iter(Seq())))
calls = iter([1, 2, 0, 3])
print(list(iter(lambda: next(calls), 0)))
d = {'a': 1}
di = iter(d)
print(type(di).__name__, next(di), type(iter('')).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter(range(1))).__name__)
e = enumerate('ab', 1); print(next(e), list(e))
z = zip([1, 2], 'ab'); print(iter(z) is z, list(z), list(z))
m = map(str, [1, 2]); print(list(m), list(m))
r = reversed([1, 2, 3]); print(next(r), list(r))
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
