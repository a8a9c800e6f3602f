# Found by tools/difffuzz.py and minimized by it (a random program of seed 44,
# generator of the time). CPython and gilpy then printed:
#   python: ! ValueError invalid literal for int() with base 10: b'abc'
#   gilpy:  ! ValueError invalid literal for int() with base 10: bytearray(b'abc')
def exc(e):
    print('!', type(e).__name__, e)
try:
    v5 = int(bytearray(b'abc'))
except Exception as e:
    exc(e)
