# range
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 5 in r, 6 in r, r.index(8), r.count(8))
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 1)), range(10)[2:5], len(range(0, 100, 7)))
print(range(3) == range(0, 3), range(0) == range(5, 2), r.start, r.stop, r.step, repr(range(1, 2)), repr(range(0, 5, 2)))
print(sum(range(10 ** 6)), range(10 ** 20)[-1], len(range(-5, 5)), list(range(-3, 3, 2)), reversed(range(3)).__class__.__name__)
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(5)[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    r.index(100)
except ValueError as e:
    print(type(e).__name__, e)
