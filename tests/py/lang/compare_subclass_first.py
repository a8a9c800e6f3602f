# A right operand of a proper subclass is asked first in a comparison even when
# it only inherits the method (unlike binary operators).
class A:
    __eq__ = lambda s, o: True
class B(A):
    __eq__ = lambda s, o: False
print(A() != B(), A() == B(), B() != A())
class C:
    def __lt__(self, o): print('C.lt'); return NotImplemented
    def __gt__(self, o): print('C.gt'); return NotImplemented
class D(C): pass
try: C() < D()
except TypeError as e: print(e)
print(1 < True, True > 0, 2.0 == 2, [1] == [1])
class L(list): pass
print([1] == L([1]), L([1]) != [2])
