import math

class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area()")

    def perimeter(self):
        raise NotImplementedError

    def describe(self):
        return f"{self.name}: area={self.area():.2f}, perimeter={self.perimeter():.2f}"

    def __lt__(self, other):
        return self.area() < other.area()

    def __repr__(self):
        return f"<{type(self).__name__} {self.name!r}>"

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r ** 2

    def perimeter(self):
        return 2 * math.pi * self.r

class Rect(Shape):
    def __init__(self, w, h, name="rect"):
        super().__init__(name)
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side, name="square")

    def __repr__(self):
        return f"Square({self.w})"

class Triangle(Shape):
    def __init__(self, a, b, c):
        if a + b <= c or a + c <= b or b + c <= a:
            raise ValueError(f"invalid triangle sides: {a}, {b}, {c}")
        super().__init__("triangle")
        self.sides = (a, b, c)

    def perimeter(self):
        return sum(self.sides)

    def area(self):
        s = self.perimeter() / 2
        a, b, c = self.sides
        return math.sqrt(s * (s - a) * (s - b) * (s - c))

class Blob(Shape):
    pass

shapes = [Circle(1), Rect(3, 4), Square(2.5), Triangle(3, 4, 5), Circle(0.5)]
for s in shapes:
    print(s.describe())
print(sorted(shapes))
print(max(shapes), min(shapes))
print("total area:", round(sum(s.area() for s in shapes), 4))
print("Shape.count =", Shape.count)
print(isinstance(shapes[2], Rect), isinstance(shapes[2], Circle), issubclass(Square, Shape))
print([type(s).__name__ for s in shapes])
print(Square.__mro__)
print(Square.__bases__, Rect.__name__, Square.__qualname__)
try:
    Blob("blob").area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    Blob("b2").perimeter()
except NotImplementedError as e:
    print("NotImplementedError:", repr(e), e.args)
try:
    Triangle(1, 2, 10)
except ValueError as e:
    print(e)
print("Shape.count =", Shape.count)
print(hasattr(shapes[0], "r"), getattr(shapes[1], "r", None), vars(shapes[1]))
by_type = {}
for s in shapes:
    by_type.setdefault(type(s).__name__, []).append(s)
print(by_type)
