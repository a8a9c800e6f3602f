# Found by tools/difffuzz.py and minimized by it (a random program of seed 68,
# generator of the time). CPython and gilpy then printed:
#   python: ! TypeError cannot convert 'NoneType' object to bytearray
#   gilpy:  ! TypeError cannot convert 'NoneType' object to bytes
def show(*a):
    print(*[_r(x) for x in a])
def exc(e):
    print('!', type(e).__name__, e)
try:
    show(bytearray(None))
except Exception as e:
    exc(e)
