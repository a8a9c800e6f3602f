# Found by tools/difffuzz.py and minimized by it (a random program of seed 144,
# generator of the time). CPython and gilpy then printed:
#   python: ! AttributeError 'C11' object has no attribute 'v'
#   gilpy:  ! TypeError __index__ returned non-int (type C11)
def show(*a):
    print(*[_r(x) for x in a])
def exc(e):
    print('!', type(e).__name__, e)
LOG = []
class C11:
    def __init__(self, v=0):
        self.v = v
    def __abs__(self):
        return C11(o + self.v)
    def __setattr__(self, k, val):
        LOG.append(k)
    def __iter__(self):
        return iter(self.v)
class C15(C11):
    @property
    def v(self):
        return C11(self)
    def __index__(self):
        return self.v
try:
    o18 = C15('\xff\x80')
except Exception as e:
    o18 = None
try:
    show(bytes(o18))
except Exception as e:
    exc(e)
