# Found by tools/difffuzz.py and minimized by it (a random program of seed 13,
# generator of the time). CPython and gilpy then printed:
#   python: ! ValueError Unknown format code 'F' for object of type 'C16'
#   gilpy:  ! ValueError Unknown format code 'F' for object of type 'str'
def show(*a):
    print(*[_r(x) for x in a])
def exc(e):
    print('!', type(e).__name__, e)
class C16(str):
    def v(self):
        return "C16(%r)" % (self.v,)
try:
    o18 = C16('\xff\x80')
except Exception as e:
    o18 = None
try:
    show('{0:+F} {1:+17}'.format(o18, 'a\r\nb'))
except Exception as e:
    exc(e)
