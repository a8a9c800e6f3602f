it = iter([1, 2])
print(next(it), next(it), next(it, 'done'), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.args)
class Counter3:
    def __init__(self): self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Counter3(), 4)))
lines = iter(['a', 'b', '', 'c'].pop.__self__.__iter__().__next__, '')
print(list(lines))
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(iter(Seq())), list(Seq()), 20 in Seq())
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next([1])
except TypeError as e:
    print(e)
try:
    iter(5, 1)
except TypeError as e:
    print(e)
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(list(It()), iter(It()).__class__.__name__)
d = {'a': 1, 'b': 2}
print(next(iter(d)), next(iter(d.values())), next(iter(d.items())), type(iter(d)).__name__)
print(type(iter([])).__name__, type(iter(())).__name__, type(iter('')).__name__, type(iter(range(1))).__name__, type(iter(set())).__name__)
g = (x * 2 for x in range(3)); print(next(g), list(g), next(g, 'end'))
r = reversed([1, 2, 3]); print(next(r), list(r), type(reversed([])).__name__)
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
e = enumerate('ab'); print(next(e), next(e), next(e, 0))
z = zip([1], [2]); print(next(z), next(z, 'x'))
m = map(int, '12'); print(next(m), next(m), next(m, -1))
it = iter(range(3)); print(it.__length_hint__() if hasattr(it, '__length_hint__') else 3, list(it), list(it))
li = iter([1, 2, 3]); next(li); print(list(li))
s = iter('abc'); print(next(s), ''.join(s))
it2 = iter([1, 2, 3])
for x in it2:
    if x == 1:
        print('skip', next(it2))
    else:
        print('got', x)
print(list(iter([].__iter__())), sum(iter(range(5))))
