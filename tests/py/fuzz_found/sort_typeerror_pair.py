# Found by tools/difffuzz.py and minimized by it (a random program of seed 62,
# generator of the time). CPython and gilpy then printed:
#   python: ! TypeError '<' not supported between instances of 'str' and 'float'
#   gilpy:  ! TypeError '<' not supported between instances of 'str' and 'int'
def show(*a):
    print(*[_r(x) for x in a])
def exc(e):
    print('!', type(e).__name__, e)
try:
    show(sorted([5, 0.1, '{x}', 0j], key=None, reverse=False))
except Exception as e:
    exc(e)
