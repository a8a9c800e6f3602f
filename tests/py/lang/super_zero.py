# zero-argument super()
class Base:
    def __init__(self, v):
        self.v = v
    def describe(self):
        return f'Base({self.v})'
    @classmethod
    def make(cls):
        return f'make {cls.__name__}'
class Child(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def describe(self):
        return 'Child/' + super().describe()
    @classmethod
    def make(cls):
        return 'child ' + super().make()
c = Child(1, 2)
print(c.v, c.w, c.describe(), Child.make())
print(super(Child, c).describe())
class GrandChild(Child):
    def describe(self):
        inner = lambda: super(GrandChild, self).describe()
        return 'Grand/' + inner()
print(GrandChild(5, 6).describe())
class S(str):
    def upper(self):
        return 'S:' + super().upper()
print(S('abc').upper())
class L(list):
    def append(self, x):
        super().append(x * 2)
l = L(); l.append(5); print(l)
