# sum, min, max with key and default
print(sum([1, 2, 3]), sum([]), sum([1, 2], 10), sum([0.5, 0.25]), sum(range(101)), sum([[1], [2]], []), sum((x for x in range(4)), start=1))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max('hello'), min('b', 'a'), max([1, 5], [2]), min((1, 'b'), (1, 'a')))
print(max(['aa', 'b', 'ccc'], key=len), min(['aa', 'b', 'ccc'], key=len), max([], default='empty'), min([], default=None), max([3], default=0))
print(max([1, 3, 3, 2], key=lambda x: x), max([(1, 'a'), (1, 'b')], key=lambda t: t[0]), min(-1, -2, key=abs))
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    min()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, 'a'])
except TypeError as e:
    print(type(e).__name__, e)
try:
    max(1, 2, default=3)
except TypeError as e:
    print(type(e).__name__, e)
