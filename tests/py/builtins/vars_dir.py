# vars and dir
class C:
    a = 1
    def __init__(self): self.x = 1; self.y = 2
    def m(self): pass
c = C()
print(vars(c), sorted(vars(C).keys() - set(dir(object))))
print([n for n in dir(c) if not n.startswith('__')], 'x' in dir(c), 'm' in dir(C), '__init__' in dir(C))
print([n for n in dir([]) if not n.startswith('_')])
print([n for n in dir('') if not n.startswith('_')])
print([n for n in dir({}) if not n.startswith('_')])
import math
print('sqrt' in dir(math), 'pi' in vars(math))
def f():
    local_a = 1
    local_b = 2
    return sorted(vars()), dir()
print(f())
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
