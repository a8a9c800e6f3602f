print(sorted([3, 1, 2]), sorted('bca'), sorted([3, 1, 2], reverse=True), sorted({'b': 1, 'a': 2}), sorted([]))
print(sorted(['bb', 'a', 'ccc', 'dd'], key=len), sorted(['bb', 'a', 'ccc', 'dd'], key=len, reverse=True))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]), sorted([-3, 2, -1], key=abs), sorted('Hello World'.split(), key=str.lower))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('abc'), min('b', 'a', key=ord), max([1, -5], key=abs))
print(min([], default='empty'), max((), default=None), min([2], default=0), max([1, 2], key=lambda x: -x, default=9))
print(max([1, 1.0]), max([1.0, 1]), min([[2], [1, 5]]), max({1: 'a', 3: 'b'}), min(iter([5, 4])))
print(max('apple', 'banana', key=len), min(['aa', 'b', 'cc'], key=len), max([(1, 'x'), (1, 'y')]))
for bad in ['min([])', 'max()', 'min(1)', 'max([1, "a"])', 'min(1, 2, default=0)', 'sorted([1, "a"])', 'sorted(1)', 'max([], key=len)', 'min(x=1)']:
    try:
        print(eval(bad))
    except (ValueError, TypeError) as e:
        print(bad, type(e).__name__, e)
print(sum([1, 2, 3]), sum([], 10), sum([0.1] * 3), sum([[1], [2]], []), sum(range(101)), sum([1, 2], start=5), sum((x for x in range(4))), sum([True, True]))
for bad in ['sum(["a", "b"], "")', 'sum([1, "a"])', 'sum(1)', 'sum([[1]])']:
    try:
        print(eval(bad))
    except TypeError as e:
        print(bad, 'TypeError', e)
l = [5, 3, 9]; print(l.sort(), l, sorted(l) is l)
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(3))), list(reversed((1, 2))))
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f'K{self.v}'
print(sorted([K(3), K(1)]), min(K(2), K(0)), max([K(2), K(7)]))
print(sorted([3, 1, 2], key=None), max(1, 2, key=None))
