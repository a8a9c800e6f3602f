# f_lineno of frames running Python code through a dunder or a property, untraced
import sys
def caller_line():
    return sys._getframe(2).f_lineno
class P:
    @property
    def prop(self):
        return caller_line()
    def __eq__(self, other):
        return caller_line()
    def __getitem__(self, k):
        return caller_line()
    def __add__(self, o):
        return caller_line()
    def __len__(self):
        return caller_line()
    def __iter__(self):
        return iter([caller_line()])
    def __getattr__(self, name):
        return caller_line()
    def __contains__(self, x):
        return caller_line()
    def __hash__(self):
        return caller_line()
p = P()
x = 0
print(p.prop)
print(p == 1)
print(p[0])
print(p + 1)
print(len(p))
for v in p:
    print(v)
print(p.missing)
print(1 in p)
print({p: 1} and
      p.prop)
def f():
    a = 1
    b = p.prop
    return b
print(f())
print(sys._getframe().f_lineno)
print([p.prop for _ in range(1)])
print(str(p.prop) + "x")
g = (p.prop for _ in range(1))
print(next(g))
