# Found by tools/difffuzz.py and minimized by it (a random program of seed 58,
# generator of the time). CPython and gilpy then printed:
#   python: ! TypeError unsupported operand type(s) for +: 'C10' and 'int'
#   gilpy:  ! TypeError can only concatenate str (not "int") to str
def show(*a):
    print(*[_r(x) for x in a])
def exc(e):
    print('!', type(e).__name__, e)
class C10(str):
    def v(self):
        LOG.append(k)
    def __add__(self, o):
        return NotImplemented
try:
    o13 = C10('İ')
except Exception as e:
    o13 = None
try:
    show(o13 + 1, 1 + o13)
except Exception as e:
    exc(e)
