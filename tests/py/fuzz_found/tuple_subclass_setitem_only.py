# Found by tools/difffuzz.py and minimized by it (a random program of seed 59,
# generator of the time). CPython and gilpy then printed:
#   python: ! AttributeError __delitem__
#   gilpy:  ! TypeError 'C13' object doesn't support item deletion
def exc(e):
    print('!', type(e).__name__, e)
class C13(tuple):
    def v(self):
        return tuple(self)
    def __setitem__(self, k, val):
        return format(self.v, spec)
try:
    o16 = C13('ﬁ')
except Exception as e:
    o16 = None
try:
    del o16[1]
except Exception as e:
    exc(e)
