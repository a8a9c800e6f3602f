import functools
import time

def trace(fn):
    depth = 0
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        nonlocal depth
        argstr = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
        print("  " * depth + f"-> {fn.__name__}({argstr})")
        depth += 1
        try:
            result = fn(*args, **kwargs)
        finally:
            depth -= 1
        print("  " * depth + f"<- {fn.__name__} = {result!r}")
        return result
    return wrapper

@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

fact(4)

def repeat(times):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*a, **kw):
            return [fn(*a, **kw) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def greet(name, punct="!"):
    return f"hi {name}{punct}"
print(greet("bob"), greet("al", punct="?"))

def validate(**types):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(**kwargs):
            for k, t in types.items():
                if not isinstance(kwargs.get(k), t):
                    raise TypeError(f"{fn.__name__}: {k} must be {t.__name__}, got {type(kwargs.get(k)).__name__}")
            return fn(**kwargs)
        return wrapper
    return deco

@validate(name=str, age=int)
def register(name, age):
    return f"{name} ({age})"

print(register(name="ann", age=30))
try:
    register(name="ann", age="30")
except TypeError as e:
    print(e)

class CallCounter:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)

@CallCounter
def add(a, b):
    "Add two things."
    return a + b

print(add(1, 2), add("a", "b"), add.calls, add.__name__, add.__doc__)

def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get

@singleton
class Config:
    def __init__(self, env="dev"):
        self.env = env
print(Config("prod").env, Config("test").env, Config() is Config())

registry = {}
def register_cmd(name=None):
    def deco(fn):
        registry[name or fn.__name__] = fn
        return fn
    return deco

@register_cmd()
def start(): return "starting"
@register_cmd("halt")
def stop(): return "stopping"
print(sorted(registry), registry["halt"](), start())

def timed(fn):
    @functools.wraps(fn)
    def wrapper(*a):
        t0 = time.perf_counter()
        r = fn(*a)
        elapsed = time.perf_counter() - t0
        print(f"{fn.__name__} took {'<1s' if elapsed < 1 else 'long'}")
        return r
    return wrapper

@timed
@trace
def square(x):
    return x * x
print(square(7), square.__wrapped__.__name__)

class Temperature:
    def __init__(self, c):
        self.celsius = c
    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9
    @fahrenheit.deleter
    def fahrenheit(self):
        print("deleting!")
t = Temperature(100)
print(t.fahrenheit)
t.fahrenheit = 32
print(t.celsius)
del t.fahrenheit
print(type(Temperature.fahrenheit).__name__)
