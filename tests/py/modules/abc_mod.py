# abc: abstract methods block instantiation, register/virtual subclasses, __subclasshook__
from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self):
        return '%s with area %s' % (self.name(), self.area())
class Half(Shape):
    def area(self):
        return 1
class Square(Half):
    def name(self):
        return 'square'
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print('TypeError', e)
print(Square().describe(), isinstance(Square(), Shape), issubclass(Square, Half), sorted(Shape.__abstractmethods__), Square.__abstractmethods__)
class Duck(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Duck:
            return hasattr(C, 'quack') or NotImplemented
        return NotImplemented
class Mallard:
    def quack(self):
        return 'quack'
print(isinstance(Mallard(), Duck), isinstance(3, Duck), issubclass(Mallard, Duck))
class Registry(ABC):
    pass
Registry.register(int)
print(isinstance(5, Registry), isinstance('5', Registry), issubclass(bool, Registry), Registry.register(str) is str, isinstance('x', Registry))
class Prop(ABC):
    @property
    @abstractmethod
    def value(self): ...
class Impl(Prop):
    @property
    def value(self):
        return 10
print(Impl().value)
try:
    Prop()
except TypeError as e:
    print('TypeError', e)
