# Found by tools/difffuzz.py and minimized by it (a random program of seed 205,
# generator of the time). CPython and gilpy then printed:
#   python: ! TypeError cannot convert 'str' object to bytes
#   gilpy:  ! TypeError string argument without an encoding
def show(*a):
    print(*[_r(x) for x in a])
def exc(e):
    print('!', type(e).__name__, e)
try:
    v3 = hex(0)
except Exception as e:
    v3 = b'12'
try:
    show(int.from_bytes(v3, 'big', signed=True))
except Exception as e:
    exc(e)
