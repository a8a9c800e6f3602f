# map and filter
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(str.upper, 'ab')), list(map(lambda x, y: x + y, 'ab', 'cde')))
print(list(filter(None, [0, 1, '', 'a', None, [], [0]])), list(filter(lambda x: x % 2, range(10))), list(filter(str.isdigit, 'a1b2')))
m = map(int, '123'); print(next(m), list(m))
try:
    list(map(int, ['x']))
except ValueError as e:
    print(type(e).__name__, e)
try:
    map(5, [1])
    print('map is lazy')
    list(map(5, [1]))
except TypeError as e:
    print(type(e).__name__, e)
