# class statement basics
class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
p = Point(3, 4)
print(p, p.norm2(), p.dims, Point.dims, Point.__doc__)
p.dims = 3
print(p.dims, Point.dims)
print(Point.__name__, Point.__qualname__, Point.__module__, type(p).__name__)
print(isinstance(p, Point), isinstance(p, object), Point.__bases__)
print(sorted(vars(p).items()))
class Empty:
    pass
e = Empty()
e.anything = 1
print(e.anything, type(e) is Empty)
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
Counter(); Counter()
print(Counter.count)
class Outer:
    class Inner:
        def who(self):
            return type(self).__qualname__
print(Outer.Inner().who(), Outer.Inner.__qualname__)
print(Point.norm2(p), Point.norm2.__qualname__)
def add_method(self):
    return 'added'
Point.extra = add_method
print(p.extra())
