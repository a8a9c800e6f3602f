# __init__ and __new__
class A:
    def __new__(cls, *args):
        print('new', cls.__name__, args)
        inst = super().__new__(cls)
        inst.from_new = True
        return inst
    def __init__(self, x):
        print('init', x)
        self.x = x
a = A(5)
print(a.x, a.from_new)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class NotSelf:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never called')
print(NotSelf())
class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(Upper('abc'), len(Upper('xy')))
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)
try:
    A()
except TypeError as e:
    print(type(e).__name__, e)
class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print(type(e).__name__, e)
