# len, range, enumerate, zip
print(len('abc'), len([]), len({1: 2}), len(range(10)), len(b'xy'), len({1, 2}), len((1,)))
print(list(enumerate('abc')), list(enumerate('ab', 10)), list(enumerate([], 1)), list(enumerate(range(2), start=-1)))
print(list(zip()), list(zip('ab')), list(zip('abc', [1, 2])), list(zip(*[(1, 'a'), (2, 'b')])), dict(zip('ab', 'xy')))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(zip(range(3), range(10, 13), 'xyz')))
try:
    len(iter([]))
except TypeError as e:
    print(type(e).__name__, e)
