import sys

def greet(name):
    return f"Hello, {name}!"

print(greet("world"))
print("args:", sys.argv[1:])
print("2**100 =", 2 ** 100)
