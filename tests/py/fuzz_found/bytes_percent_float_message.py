# Found by tools/difffuzz.py and minimized by it (a random program of seed 27,
# generator of the time). CPython and gilpy then printed:
#   python: ! TypeError float argument required, not str
#   gilpy:  ! TypeError must be real number, not str
def show(*a):
    print(*[_r(x) for x in a])
def exc(e):
    print('!', type(e).__name__, e)
try:
    show(b'%-0e %5r %+*.*X' % ('aAbB', b'\x80abc', -6, 0, '\u0130i'))
except Exception as e:
    exc(e)
