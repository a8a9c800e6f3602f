# list: all methods
l = [3, 1, 2]
l.append(4); print(l)
l.extend([5, 6]); l.extend(range(2)); l.extend('ab'); print(l)
l.insert(0, 'first'); l.insert(100, 'last'); l.insert(-1, 'before-last'); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove('a'); print(l)
print(l.index(2), l.index(0, 3), l.count(1), len(l))
l2 = l.copy(); l2.reverse(); print(l2, l)
l.clear(); print(l)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1].remove(2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [1].index(2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [1, 2][5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1][0] = [2][3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    l = [1]; l[3] = 0
except IndexError as e:
    print(type(e).__name__, e)
print([1, 2] + [3], [0] * 4, [[]] * 2, [1, 2] == [1, 2], [1, 2] < [1, 3], [2] > [1, 9], list('abc'), list(range(3)))
x = [1, 2, 3]; x[1:2] = []; print(x); x[len(x):] = [7, 8]; print(x)
print(repr([1, 'a', None, 2.5, [3]]), str([]), 5 in [1, 5], [1, [2, 3]][1][0], list((1, 2)), list({'a': 1}))
a = [1]; a.append(a); print(a)
print(sum([[1], [2]], []), [1, 2, 3][-1], len([None] * 10), list(reversed([1, 2, 3])))
print([3, 1, 2].sort() is None, max([3, 7, 2]), min([3, 7, 2]), [1, 2] * 0, [1, 2, 3].__len__())
