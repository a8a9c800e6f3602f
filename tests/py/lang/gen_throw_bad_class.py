# generator.throw(C) where making C fails or gives a non-exception: the error is raised in the generator.
class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls
def boring():
    yield
gen = boring()
try:
    gen.throw(E)
except TypeError as e:
    print('TypeError', e)
try:
    next(gen)
except StopIteration:
    print('StopIteration')
def generator():
    try:
        yield
    except TypeError as e:
        print('inside', e)
gen = generator()
next(gen)
try:
    gen.throw(E)
except StopIteration:
    print('StopIteration')
class F(Exception):
    def __init__(self, *a):
        raise ValueError('no F')
gen = generator()
next(gen)
try:
    gen.throw(F)
except ValueError as e:
    print('ValueError', e)
try:
    gen.throw(1)
except TypeError as e:
    print(e)
try:
    generator().throw(ValueError(1), 2)
except TypeError as e:
    print(e)
