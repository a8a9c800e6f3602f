def greet(name):
    return f"hello {name!r}"


print(greet("dis"))
