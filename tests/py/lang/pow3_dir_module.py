# three-argument pow() calls an int subclass's __pow__; dir() of a module subclass whose __dict__ is not a dict
class I(int):
    def __repr__(self):
        return 'I(%s)' % int(self)
    def __pow__(self, other, mod=None):
        if mod is None:
            return I(pow(int(self), int(other)))
        else:
            return I(pow(int(self), int(other), int(mod)))
    def __rpow__(self, other, mod=None):
        if mod is None:
            return I(pow(int(other), int(self), mod))
        else:
            return I(pow(int(other), int(self), int(mod)))
print(repr(pow(I(2), I(3), I(5))), repr(pow(2, I(3), 5)), repr(pow(I(2), 3, 5)), pow(True, 2, 3), pow(2**70, 3, 7))
class J(int): pass
print(pow(J(2), 3, 5), type(pow(J(2), 3, 5)))
import sys
class M(type(sys)): pass
class M2(M):
    __dict__ = property(lambda s: 'x')
try: dir(M2('m'))
except TypeError as e: print(e)
m = M('m'); m.b = 1; m.a = 2; print([x for x in dir(m) if not x.startswith('__')])
