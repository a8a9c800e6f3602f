def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(list(enumerate('abc')), list(enumerate('ab', 10)), list(enumerate([], start=-1)))
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1], [2], [3])), dict(zip('ab', range(2))))
print(list(map(lambda x, y: x + y, [1, 2], [10, 20, 30])), list(map(str.upper, 'ab')))
print(list(filter(None, [0, 1, '', 'a', None, [], [0]])), list(filter(lambda x: x % 2, range(7))))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed(range(3))), list(reversed('abc')))
t(lambda: reversed({1, 2})); t(lambda: reversed(5)); t(lambda: zip(1)); t(lambda: map(len)); t(lambda: enumerate(1))
t(lambda: list(zip([1, 2], [1], strict=True))); t(lambda: filter(1, 2, 3)); t(lambda: iter(5))
it = iter([1, 2]); print(next(it), next(it), next(it, 'done')); t(lambda: next(it))
e = enumerate('xy'); print(next(e), list(e), type(e).__name__)
z = zip('ab', 'cd'); print(type(z).__name__, next(z), list(z), list(z))
m = map(abs, [-1]); print(type(m).__name__, list(m), list(m))
print(type(filter(None, [])).__name__, type(reversed([])).__name__, iter(range(3)).__length_hint__())
class R:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(R())), list(iter(R().__getitem__, 20)) if False else 'skip')
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i
print(list(Seq()), 2 in Seq(), list(enumerate(Seq())))
it2 = iter([1, 2, 3]); print(list(zip(it2, it2)))
print(list(zip(*[(1, 'a'), (2, 'b')])), [list(x) for x in zip(*[[1, 2], [3, 4]])])
print(list(map(pow, [2, 3], [3, 2])), sum(map(len, ['ab', 'c'])), any(map(bool, [0, 0])), all([]))
counter = iter(lambda: 1, 1); print(list(counter))
import itertools
print(list(itertools.islice(enumerate(itertools.count()), 3)))
li = [1, 2, 3]; ri = reversed(li); li.pop(); print(list(ri))
li = [1, 2]; ii = iter(li); li.append(3); print(list(ii))
g = (x * x for x in range(4)); print(next(g), list(g), list(g))
print(list(enumerate(zip('ab', 'cd'))), list(zip(range(3), reversed(range(3)))))
print(sorted(zip([3, 1], 'ab')), max(enumerate('zab'), key=lambda p: p[1]))
