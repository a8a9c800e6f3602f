# super with explicit arguments
class A:
    def f(self): return 'A.f'
    @property
    def p(self): return 'A.p'
class B(A):
    def f(self): return 'B.f'
class C(B):
    def f(self):
        return [super().f(), super(B, self).f(), super(C, self).p]
print(C().f())
print(type(super(C, C())).__name__)
class Init:
    def __init__(self, *a): print('Init got', a)
class Sub(Init):
    def __init__(self): super(Sub, self).__init__(1, 2)
Sub()
try:
    super(int, 'x')
except TypeError as e:
    print(type(e).__name__, e)
