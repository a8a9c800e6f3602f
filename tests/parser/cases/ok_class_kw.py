class A(metaclass=M): pass
class B(*bases): pass
class C(**kw): pass
