# stable sort with key and reverse
data = [('b', 2), ('a', 2), ('c', 1), ('a', 1), ('b', 1)]
print(sorted(data))
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
print(sorted(data, key=lambda t: t[0], reverse=True))
l = [5, 2, 8, 1, 9, 3]
l.sort(); print(l)
l.sort(reverse=True); print(l)
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'fig']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted([3.5, 1, 2.25, -1]), sorted('hello'), sorted({3: 'a', 1: 'b'}), sorted([], reverse=True))
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted([(1, 'b'), (1, 'a')]))
big = [(i * 7919) % 1000 for i in range(1000)]
s = sorted(big)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
recs = [{'n': i % 3, 'i': i} for i in range(9)]
print([r['i'] for r in sorted(recs, key=lambda r: r['n'])])
try:
    sorted([1, 'a'])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, 1].sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f'K{self.v}'
print(sorted([K(3), K(1), K(2)]), max([K(3), K(5)], key=lambda k: k.v) if True else 0)
