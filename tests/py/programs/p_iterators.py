class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIter(self.start)

class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

cd = Countdown(5)
print(list(cd), list(cd), sum(cd), max(cd), 3 in cd, 9 in cd)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")

class Range2D:
    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
    def __iter__(self):
        for r in range(self.rows):
            for c in range(self.cols):
                yield r, c
    def __len__(self):
        return self.rows * self.cols
    def __reversed__(self):
        for r in reversed(range(self.rows)):
            for c in reversed(range(self.cols)):
                yield r, c

g = Range2D(2, 3)
print(list(g), len(g))
print(list(reversed(g)))
print(dict.fromkeys(g, 0))

class Sequence:
    def __init__(self, data):
        self.data = data
    def __getitem__(self, i):
        return self.data[i] * 10
    def __len__(self):
        return len(self.data)

s = Sequence([1, 2, 3])
print(list(s), [x for x in s], 20 in s, list(reversed(s)), s[1:])
a, b, c = s
print(a, b, c)

class Cycle:
    def __init__(self, items, limit):
        self.items, self.limit = items, limit
    def __iter__(self):
        self.i = 0
        return self
    def __next__(self):
        if self.i >= self.limit:
            raise StopIteration
        v = self.items[self.i % len(self.items)]
        self.i += 1
        return v
print(list(Cycle("abc", 7)), "".join(Cycle("xy", 5)))
e = enumerate("abc", start=1)
print(next(e), list(e))
z = zip([1, 2, 3], "ab")
print(list(z), list(z))
m = map(str.upper, ["a", "b"])
print(next(m), list(m), list(m))
r = range(10, 0, -3)
print(list(r), len(r), r[1], r[-1], 4 in r, 7 in r, r.index(4), r.count(7))
print(list(range(5))[::-1], range(0, 20, 5)[1:3], list(range(0, 20, 5)[::-2]))
it = iter([1, 2, 3, 4, 5, 6])
print(list(zip(it, it)))
sentinel_iter = iter(iter([3, 2, 1, 0, 5]).__next__, 0)
print(list(sentinel_iter))
d = {"b": 2, "a": 1, "c": 3}
ki = iter(d)
print(next(ki), list(d.keys()), list(d.values()), list(d.items()))
print(list(reversed(d)), list(reversed(d.items())))
try:
    for k in d:
        d[k + k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
