# A set display of constants is built like CPython: a frozenset constant
# merged into a new set, which can order the items differently from adding
# them one by one.
print({10, 5, 100, 1, 33, 64, 7})
print({-1, -5, 3, 1000000, 2**40, 17}, {1.5, 2.5, 0.5}, {True, 2, 0})
print({100, 200, 300, 3, 35, 68}, {1, 9, 17, 25, 33, 41})
a, b, c = 100, 200, 300
print({a, b, c, 3, 35, 68}, set([100, 200, 300, 3, 35, 68]))
print(3 in {1, 2, 3}, {x for x in (100, 200, 300, 3, 35, 68)})
