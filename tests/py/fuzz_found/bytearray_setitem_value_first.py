# Found by tools/difffuzz.py and minimized by it (a random program of seed 19,
# generator of the time). CPython and gilpy then printed:
#   python: ! TypeError 'range' object cannot be interpreted as an integer
#   gilpy:  ! IndexError bytearray index out of range
def exc(e):
    print('!', type(e).__name__, e)
try:
    v1 = bytearray(b'abc')
except Exception as e:
    v1 = bytearray(b'12')
try:
    v1[10] = range(-1, 6, -3)
except Exception as e:
    exc(e)
